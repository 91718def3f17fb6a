using System.Globalization;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;
using Buildpacks.Core.Sources;
using YamlDotNet.Core;

namespace Buildpacks.Core.Declared;

/// <summary>
/// Reads a Cloud Foundry <c>manifest.yml</c> as <c>cf push</c> does for staging: the <c>applications</c> list, one of
/// them picked by name when there are several. Unknown keys are ignored, as <c>cf push</c> ignores them; invalid
/// YAML or a key of the wrong type is a coded error naming the key.
/// </summary>
internal static class ManifestReader
{
    /// <summary>The application <paramref name="name"/> picks (the only one when null) from the manifest at <paramref name="path"/>.</summary>
    public static ManifestApplication Read(string path, string? name)
    {
        var text = RegularFile.ReadTextIfExists(path, "a Cloud Foundry manifest")
            ?? throw new BuildpackException(ErrorCodes.ManifestApplicationNotFound, $"The manifest '{path}' does not exist. Give the path of the app's manifest.yml.", path);
        object? root;
        try
        {
            root = YamlReader.Deserialize(text);
        }
        catch (YamlException ex)
        {
            throw Invalid(path, "", $"is not valid YAML ({ex.Start}: {ex.InnerException?.Message ?? ex.Message})");
        }

        if (root is not IDictionary<object, object?> map || !map.TryGetValue("applications", out var value) || value is not IList<object?> applications)
        {
            throw Invalid(path, "applications", "must be a list of applications, each a map with a name");
        }

        var entries = applications.Select((entry, i) => entry as IDictionary<object, object?> ?? throw Invalid(path, $"applications[{i}]", "is not a map")).ToList();
        var names = entries.Select((entry, i) => Text(entry, "name", path, $"applications[{i}].")).ToList();
        var index = Pick(names, name, path);
        return Application(entries[index], index, path);
    }

    private static int Pick(List<string?> names, string? name, string path)
    {
        var listed = string.Join(", ", names.Select(n => n ?? "(no name)"));
        if (name is not null)
        {
            var found = names.FindIndex(n => string.Equals(n, name, StringComparison.Ordinal));
            return found >= 0
                ? found
                : throw new BuildpackException(ErrorCodes.ManifestApplicationNotFound, $"The manifest has no application named '{name}'; it has: {listed}. Pick one of these.", path);
        }

        return names.Count switch
        {
            1 => 0,
            0 => throw Invalid(path, "applications", "is empty; list the application to stage"),
            _ => throw new BuildpackException(
                ErrorCodes.ManifestApplicationNotFound,
                $"The manifest has {names.Count} applications ({listed}); say which one to stage (--app NAME, BuildpackManifestApplication, SetManifestApplication).",
                path),
        };
    }

    private static ManifestApplication Application(IDictionary<object, object?> entry, int index, string path)
    {
        var prefix = $"applications[{index}].";
        var directory = System.IO.Path.GetDirectoryName(path)!;
        var buildpacks = List(entry, "buildpacks", path, prefix);
        if (buildpacks.Count == 0 && Text(entry, "buildpack", path, prefix) is { } single)
        {
            buildpacks = [single];
        }

        return new ManifestApplication(
            path,
            Text(entry, "name", path, prefix),
            [.. buildpacks.Select(b => BuildpackReference.IsLocalPath(b) ? System.IO.Path.GetFullPath(b, directory) : b)],
            Map(entry, "env", path, prefix),
            Text(entry, "stack", path, prefix),
            Text(entry, "command", path, prefix),
            Text(entry, "memory", path, prefix) is { } memory ? MemoryLimit(memory, path, prefix) : null,
            Text(entry, "path", path, prefix) is { } appPath ? System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(appPath, directory)) : null);
    }

    // Cloud Foundry's units: M or MB, G or GB (any case); its staging gives the amount in megabytes, e.g. 1024m.
    private static string MemoryLimit(string memory, string path, string prefix)
    {
        var text = memory.Trim().ToUpperInvariant();
        var (digits, factor) = text.EndsWith("GB", StringComparison.Ordinal) ? (text[..^2], 1024)
            : text.EndsWith('G') ? (text[..^1], 1024)
            : text.EndsWith("MB", StringComparison.Ordinal) ? (text[..^2], 1)
            : text.EndsWith('M') ? (text[..^1], 1)
            : ("", 0);
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount > 0 && amount < int.MaxValue
            ? (amount * factor).ToString(CultureInfo.InvariantCulture) + "m"
            : throw Invalid(path, prefix + "memory", $"'{memory}' is not an amount of memory; write e.g. 512M or 1G");
    }

    private static string? Text(IDictionary<object, object?> entry, string key, string path, string prefix) =>
        !entry.TryGetValue(key, out var value) || value is null ? null
        : value is string text ? text
        : throw Invalid(path, prefix + key, "must be a single value, not a list or a map");

    private static List<string> List(IDictionary<object, object?> entry, string key, string path, string prefix) =>
        !entry.TryGetValue(key, out var value) || value is null ? []
        : value is IList<object?> items ? [.. items.Select((item, i) => item as string ?? throw Invalid(path, $"{prefix}{key}[{i}]", "must be a single value"))]
        : throw Invalid(path, prefix + key, "must be a list");

    private static Dictionary<string, string> Map(IDictionary<object, object?> entry, string key, string path, string prefix)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!entry.TryGetValue(key, out var value) || value is null)
        {
            return result;
        }

        if (value is not IDictionary<object, object?> pairs)
        {
            throw Invalid(path, prefix + key, "must be a map of NAME: VALUE");
        }

        foreach (var (name, item) in pairs)
        {
            result[(string)name] = item switch
            {
                null => "",
                string text => text,
                _ => throw Invalid(path, $"{prefix}{key}.{name}", "must be a single value, not a list or a map"),
            };
        }

        return result;
    }

    private static BuildpackException Invalid(string path, string key, string why) => new(
        ErrorCodes.ManifestInvalid,
        key.Length == 0 ? $"The manifest {why}. Fix the manifest." : $"In the manifest, '{key}' {why}. Fix the manifest.",
        path);
}
