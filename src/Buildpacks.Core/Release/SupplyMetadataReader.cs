using System.Globalization;
using System.Text.Json.Nodes;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;
using YamlDotNet.Core;

namespace Buildpacks.Core.Release;

/// <summary>Reads <c>deps/IDX/config.yml</c> and <c>deps/IDX/launch.yml</c>.</summary>
internal static class SupplyMetadataReader
{
    /// <summary>Reads the metadata in one deps directory; missing files mean nothing was left.</summary>
    public static SupplyMetadata Read(string depsIndexDirectory)
    {
        var config = ReadMap(Path.Combine(depsIndexDirectory, "config.yml"));
        var launch = ReadMap(Path.Combine(depsIndexDirectory, "launch.yml"));
        if (config is null && launch is null)
        {
            return SupplyMetadata.None;
        }

        var configSection = Get(config, "config") as IDictionary<object, object?>;
        return new SupplyMetadata(
            Get(config, "name") as string,
            Get(config, "version") as string,
            ToJson(configSection),
            ToJson(Get(config, "output_metadata")),
            Get(configSection, "entrypoint_prefix") as string,
            ReadProcesses(launch, Path.Combine(depsIndexDirectory, "launch.yml")));
    }

    /// <summary>Turns a YamlDotNet object graph into JSON, keeping scalars as strings.</summary>
    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        IDictionary<object, object?> map => new JsonObject(map.Select(pair =>
            KeyValuePair.Create(Convert.ToString(pair.Key, CultureInfo.InvariantCulture) ?? "", ToJson(pair.Value)))),
        IList<object?> list => new JsonArray([.. list.Select(ToJson)]),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static object? Get(IDictionary<object, object?>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) ? value : null;

    private static Dictionary<string, string> ReadProcesses(IDictionary<object, object?>? launch, string path)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Get(launch, "processes") is not IList<object?> processes)
        {
            return types;
        }

        foreach (var process in processes)
        {
            if (process is IDictionary<object, object?> entry
                && Get(entry, "type") is string type
                && Get(entry, "command") is string command)
            {
                types[type] = command;
            }
            else
            {
                throw new BuildpackException(
                    ErrorCodes.InvalidBuildpackMetadata,
                    $"'{path}' lists a process without a 'type' and a 'command'. Each entry of 'processes' needs both.",
                    path);
            }
        }

        return types;
    }

    private static IDictionary<object, object?>? ReadMap(string path)
    {
        if (RegularFile.ReadTextIfExists(path, "a buildpack's " + Path.GetFileName(path)) is not { } text)
        {
            return null;
        }

        try
        {
            return YamlReader.Deserialize(text) switch
            {
                null => new Dictionary<object, object?>(),
                IDictionary<object, object?> map => map,
                _ => throw new BuildpackException(ErrorCodes.InvalidBuildpackMetadata, $"'{path}' is not a YAML map.", path),
            };
        }
        catch (YamlException ex)
        {
            throw new BuildpackException(ErrorCodes.InvalidBuildpackMetadata, $"'{path}' is not valid YAML: {ex.Message}", path, CfExitCodes.Other, ex);
        }
    }
}
