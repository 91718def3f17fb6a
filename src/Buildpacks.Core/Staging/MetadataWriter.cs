using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Buildpacks.Core.Files;

namespace Buildpacks.Core.Staging;

/// <summary>
/// Writes Cloud Foundry's <c>staging_info.yml</c> (JSON, which is valid YAML) and <c>result.json</c>, and the
/// herokuish <c>.release</c> of a slug. Property order is fixed so droplets stay byte-identical.
/// </summary>
internal static class MetadataWriter
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    /// <summary>
    /// <c>staging_info.yml</c>. Besides CF's keys it carries <c>process_types</c>, every type, and the release's
    /// <c>config_vars</c>, which CF's launcher ignores and our launcher uses.
    /// </summary>
    public static void WriteStagingInfo(StagingOutcome outcome, string path)
    {
        // Replaced, not opened: a buildpack can reach the droplet root and leave a fifo or a link here.
        RegularFile.Replace(path, Json(json =>
        {
            json.WriteStartObject();
            json.WriteString("detected_buildpack", outcome.DetectedBuildpack);
            json.WriteString("start_command", outcome.StartCommand);
            if (outcome.EntrypointPrefix is not null)
            {
                json.WriteStartObject("config");
                json.WriteString("entrypoint_prefix", outcome.EntrypointPrefix);
                json.WriteEndObject();
            }

            WriteMap(json, "process_types", outcome.ProcessTypes);

            // The release's config_vars, for the launcher's default environment; only when there are some, so
            // droplets of buildpacks without them stay byte for byte what they were.
            if (outcome.ConfigVars.Count > 0)
            {
                WriteMap(json, "config_vars", outcome.ConfigVars);
            }

            json.WriteEndObject();
        }));
    }

    /// <summary>The bytes of <c>result.json</c>; <see cref="StagingOutputs"/> puts them in place with the droplet.</summary>
    public static byte[] Result(StagingOutcome outcome) =>
        Json(json =>
        {
            json.WriteStartObject();
            json.WriteStartObject("lifecycle_metadata");
            json.WriteString("buildpack_key", outcome.BuildpackKey);
            json.WriteString("detected_buildpack", outcome.DetectedBuildpack);
            json.WriteStartArray("buildpacks");
            foreach (var buildpack in outcome.Buildpacks)
            {
                json.WriteStartObject();
                json.WriteString("key", buildpack.Key);
                json.WriteString("name", buildpack.Name);
                if (buildpack.Version is not null)
                {
                    json.WriteString("version", buildpack.Version);
                }

                if (buildpack.Identity is not null)
                {
                    json.WriteString("identity", buildpack.Identity.ToString());
                }

                WriteNode(json, "config", buildpack.Config);
                WriteNode(json, "output_metadata", buildpack.OutputMetadata);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            WriteMap(json, "process_types", outcome.ProcessTypes);
            json.WriteStartArray("processes");
            foreach (var (type, command) in outcome.ProcessTypes)
            {
                json.WriteStartObject();
                json.WriteString("type", type);
                json.WriteString("command", command);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("sidecars");
            json.WriteEndArray();
            json.WriteString("execution_metadata", "");
            json.WriteString("lifecycle_type", "buildpack");
            json.WriteEndObject();
        });

    /// <summary>herokuish's <c>.release</c>: the release YAML, with the merged process types.</summary>
    public static void WriteRelease(StagingOutcome outcome, string path)
    {
        var yaml = new StringBuilder("---\n");
        yaml.Append("addons:");
        yaml.Append(outcome.Addons.Count == 0 ? " []\n" : "\n");
        foreach (var addon in outcome.Addons)
        {
            yaml.Append("- ").Append(Quote(addon)).Append('\n');
        }

        AppendMap(yaml, "config_vars", outcome.ConfigVars);
        AppendMap(yaml, "default_process_types", outcome.ProcessTypes);
        RegularFile.Replace(path, Encoding.UTF8.GetBytes(yaml.ToString()));
    }

    private static void AppendMap(StringBuilder yaml, string name, IReadOnlyDictionary<string, string> map)
    {
        yaml.Append(name).Append(':').Append(map.Count == 0 ? " {}\n" : "\n");
        foreach (var (key, value) in map)
        {
            yaml.Append("  ").Append(key).Append(": ").Append(Quote(value)).Append('\n');
        }
    }

    // A JSON string is a valid YAML double-quoted scalar, whatever the command holds.
    private static string Quote(string value) => JsonSerializer.Serialize(value);

    private static void WriteMap(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string> map)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter json, string name, JsonNode? node)
    {
        json.WritePropertyName(name);
        if (node is null)
        {
            json.WriteStartObject();
            json.WriteEndObject();
        }
        else
        {
            node.WriteTo(json);
        }
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Indented))
        {
            write(json);
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }
}
