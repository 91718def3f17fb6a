using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Toml;
using Tomlyn.Model;

namespace Buildpacks.Core.Launching;

/// <summary>The buildpack order of CNB launch layers, from the lifecycle's <c>layers/config/metadata.toml</c>.</summary>
internal static class LayersMetadata
{
    /// <summary>The droplet-relative path of the file.</summary>
    public const string RelativePath = "layers/config/metadata.toml";

    /// <summary>
    /// The <c>layers/</c> directory names of <c>[[buildpacks]]</c>, in order (the lifecycle writes a buildpack
    /// <c>a/b</c> into <c>layers/a_b</c>); empty when there is no file.
    /// </summary>
    /// <param name="toml">The file's text, or null when the droplet has none.</param>
    /// <param name="path">The file errors point at.</param>
    public static IReadOnlyList<string> BuildpackOrder(string? toml, string path)
    {
        if (toml is null)
        {
            return [];
        }

        var metadata = TomlDocument.Parse(toml, problem => Invalid(problem.ToString(), path));
        if (!metadata.TryGetValue("buildpacks", out var buildpacks))
        {
            return [];
        }

        IEnumerable<object?> entries = buildpacks switch
        {
            TomlTableArray tables => tables,
            TomlArray array => array,
            _ => throw Invalid($"\"buildpacks\" is {TomlDocument.Describe(buildpacks)}, expected an array of tables", path),
        };
        var order = new List<string>();
        foreach (var buildpack in entries)
        {
            if (buildpack is not TomlTable table || !table.TryGetValue("id", out var id))
            {
                continue;
            }

            order.Add(id is string text
                ? text.Replace('/', '_')
                : throw Invalid($"the \"id\" of a buildpack is {TomlDocument.Describe(id)}, expected a string", path));
        }

        return order;
    }

    private static BuildpackException Invalid(string reason, string path) => new(
        ErrorCodes.InvalidLayersMetadata,
        $"The droplet's {RelativePath} cannot be read ({reason}), so the order of its launch layers is unknown. Restage the app.",
        path);
}
