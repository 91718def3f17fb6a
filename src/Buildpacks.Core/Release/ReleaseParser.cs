using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;
using YamlDotNet.Core;

namespace Buildpacks.Core.Release;

/// <summary>Reads the YAML <c>bin/release</c> prints.</summary>
internal static class ReleaseParser
{
    /// <summary>
    /// Parses release output. No output, <c>---</c>, <c>--- {}</c> and a missing header all mean empty;
    /// anything that is not a YAML map is an error naming the buildpack and quoting the output.
    /// </summary>
    public static ReleaseInfo Parse(string output, string buildpackName, string? scriptPath = null)
    {
        object? root;
        try
        {
            root = YamlReader.Deserialize(output);
        }
        catch (YamlException ex)
        {
            throw Invalid(output, buildpackName, scriptPath, $"it is not valid YAML ({ex.Start}: {ex.InnerException?.Message ?? ex.Message})");
        }

        if (root is null)
        {
            return ReleaseInfo.Empty;
        }

        if (root is not IDictionary<object, object?> map)
        {
            throw Invalid(output, buildpackName, scriptPath, "it is not a YAML map");
        }

        return new ReleaseInfo(
            ReadList(map, "addons", output, buildpackName, scriptPath),
            ReadMap(map, "config_vars", output, buildpackName, scriptPath),
            ReadMap(map, "default_process_types", output, buildpackName, scriptPath));
    }

    private static List<string> ReadList(IDictionary<object, object?> map, string key, string output, string buildpack, string? script)
    {
        if (!map.TryGetValue(key, out var value) || value is null)
        {
            return [];
        }

        if (value is not IList<object?> list)
        {
            throw Invalid(output, buildpack, script, $"'{key}' is not a list");
        }

        return [.. list.Where(item => item is not null).Select(item => Scalar(item!, key, output, buildpack, script))];
    }

    private static Dictionary<string, string> ReadMap(IDictionary<object, object?> map, string key, string output, string buildpack, string? script)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!map.TryGetValue(key, out var value) || value is null)
        {
            return result;
        }

        if (value is not IDictionary<object, object?> entries)
        {
            throw Invalid(output, buildpack, script, $"'{key}' is not a map");
        }

        foreach (var (name, entry) in entries)
        {
            if (entry is not null)
            {
                result[Scalar(name, key, output, buildpack, script)] = Scalar(entry, key, output, buildpack, script);
            }
        }

        return result;
    }

    private static string Scalar(object value, string key, string output, string buildpack, string? script) =>
        value as string ?? throw Invalid(output, buildpack, script, $"'{key}' holds a nested value where a plain value belongs");

    private static BuildpackException Invalid(string output, string buildpack, string? script, string why)
    {
        const int MaxQuoted = 2000;
        var quoted = output.Length > MaxQuoted ? output[..MaxQuoted] + "..." : output;
        return new BuildpackException(
            ErrorCodes.ReleaseInvalid,
            $"The output of bin/release of buildpack '{buildpack}' cannot be used: {why}. bin/release must print only YAML " +
            $"(progress messages belong on stderr). It printed:\n{quoted}",
            script,
            CfExitCodes.ReleaseFailed);
    }
}
