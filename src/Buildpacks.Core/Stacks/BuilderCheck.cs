using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Toml;
using Tomlyn.Model;

namespace Buildpacks.Core.Stacks;

/// <summary>
/// Checks a builder.toml against its stack: the <c>[stack]</c> id is the <c>io.buildpacks.stack.id</c> label of the
/// build and run images, both images are in the engine, and every buildpack in <c>order</c> lists the stack id (or
/// <c>*</c>) in its buildpack.toml <c>[[stacks]]</c>. Buildpacks are found through <c>[[buildpacks]] uri</c> as local folders.
/// </summary>
internal static class BuilderCheck
{
    /// <summary>Checks <paramref name="builderFile"/> with the container CLI <paramref name="cli"/>.</summary>
    /// <exception cref="BuildpackException">The first inconsistency (BPK1216-BPK1219), or the CLI is missing.</exception>
    public static async Task<StackCheckResult> CheckAsync(string builderFile, string cli, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(builderFile);
        var path = Path.GetFullPath(builderFile);
        var (text, builder) = Read(path, ErrorCodes.BuilderFileInvalid, "builder file");
        var stack = builder.TryGetValue("stack", out var s) && s is TomlTable table
            ? table
            : throw Invalid(path, $"The builder file has no [stack] table: give [stack] with id, build-image and run-image.");
        var id = Required(stack, path, text, "id");
        var buildImage = Required(stack, path, text, "build-image");
        var runImage = Required(stack, path, text, "run-image");

        var engine = StackEngine.Find(cli);
        foreach (var (key, image) in new[] { ("build-image", buildImage), ("run-image", runImage) })
        {
            var inspect = await engine.RunAsync(["image", "inspect", "--format", $"{{{{ index .Config.Labels \"{StackBuilder.StackIdLabel}\" }}}}", image], cancellationToken).ConfigureAwait(false);
            if (!inspect.Succeeded)
            {
                throw new BuildpackException(
                    ErrorCodes.BuilderImageMissing,
                    $"The {TomlKeyLines.Name(text, "stack", key)} '{image}' is not in the engine ({inspect.FirstErrorLine}). Build it (buildpacks stack build) or load it first.",
                    path);
            }

            var label = inspect.Output.Trim();
            if (label != id)
            {
                var found = label is "" or "<no value>" ? "no stack id label" : $"the stack id '{label}'";
                throw new BuildpackException(
                    ErrorCodes.StackIdMismatch,
                    $"The {TomlKeyLines.Name(text, "stack", "id")} is '{id}', but the {key} '{image}' has {found} ({StackBuilder.StackIdLabel}). Use the id the stack was built with.",
                    path);
            }
        }

        var checkedIds = new List<string>();
        foreach (var bpId in OrderIds(builder, path))
        {
            var stacks = BuildpackStacks(builder, path, text, bpId);
            if (!stacks.Contains(id) && !stacks.Contains("*"))
            {
                throw new BuildpackException(
                    ErrorCodes.BuildpackStackUnsupported,
                    $"The buildpack '{bpId}' in the builder's order does not support the stack '{id}' (its [[stacks]] list {(stacks.Count == 0 ? "nothing" : string.Join(", ", stacks))}). " +
                    "Add the stack id (or \"*\") to its buildpack.toml, or take it out of the order.",
                    path);
            }

            checkedIds.Add(bpId);
        }

        return new StackCheckResult(id, buildImage, runImage, checkedIds);
    }

    private static (string Text, TomlTable Table) Read(string path, string code, string what)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BuildpackException(code, $"The {what} cannot be read ({ex.Message}).", path);
        }

        return (text, TomlDocument.Parse(text, problem => new BuildpackException(code, $"The {what} is not valid TOML: {problem}.", path)));
    }

    private static string Required(TomlTable stack, string path, string text, string key) =>
        stack.TryGetValue(key, out var value) && value is string { Length: > 0 } s
            ? s
            : throw Invalid(path, $"The builder file needs {TomlKeyLines.Name(text, "stack", key)} as a non-empty string.");

    private static List<string> OrderIds(TomlTable builder, string path)
    {
        var ids = new List<string>();
        if (!builder.TryGetValue("order", out var order))
        {
            return ids;
        }

        foreach (var entry in order as TomlTableArray ?? throw Invalid(path, "The builder file's 'order' must be an array of tables ([[order]])."))
        {
            foreach (var member in entry.TryGetValue("group", out var g) && g is TomlTableArray group ? group : throw Invalid(path, "Every [[order]] needs [[order.group]] entries."))
            {
                var bp = member.TryGetValue("id", out var v) && v is string { Length: > 0 } s ? s : throw Invalid(path, "Every [[order.group]] needs an 'id'.");
                if (!ids.Contains(bp))
                {
                    ids.Add(bp);
                }
            }
        }

        return ids;
    }

    private static List<string> BuildpackStacks(TomlTable builder, string path, string text, string bpId)
    {
        var entries = builder.TryGetValue("buildpacks", out var b) && b is TomlTableArray array ? array : [];
        foreach (var entry in entries)
        {
            if (entry.TryGetValue("uri", out var u) is false || u is not string uri)
            {
                continue;
            }

            var folder = Path.GetFullPath(uri.StartsWith("file://", StringComparison.Ordinal) ? uri["file://".Length..] : uri, Path.GetDirectoryName(path)!);
            var descriptor = Path.Combine(folder, "buildpack.toml");
            if (!File.Exists(descriptor))
            {
                continue;
            }

            var (_, buildpack) = Read(descriptor, ErrorCodes.BuilderFileInvalid, "buildpack.toml");
            var ownId = buildpack.TryGetValue("buildpack", out var info) && info is TomlTable t && t.TryGetValue("id", out var i) ? i as string : null;
            var entryId = entry.TryGetValue("id", out var e) ? e as string : null;
            if (ownId == bpId || entryId == bpId)
            {
                var stacks = buildpack.TryGetValue("stacks", out var st) && st is TomlTableArray list ? list : [];
                return [.. stacks.Select(x => x.TryGetValue("id", out var sid) ? sid as string : null).OfType<string>()];
            }
        }

        throw Invalid(path, $"The buildpack '{bpId}' in the order is not in [[buildpacks]] as a local folder with a buildpack.toml ({TomlKeyLines.Name(text, "buildpacks", "uri")}). Add it with its uri.");
    }

    private static BuildpackException Invalid(string path, string message) => new(ErrorCodes.BuilderFileInvalid, message, path);
}
