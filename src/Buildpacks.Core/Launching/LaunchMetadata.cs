using System.Text.Json;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Release;
using Buildpacks.Core.Staging;

namespace Buildpacks.Core.Launching;

/// <summary>
/// What a droplet says about starting it: its process types, Cloud Foundry's entrypoint prefix and the release's
/// default variables. Read the same way from an archive (<c>buildpacks inspect</c>) and from an extracted droplet
/// (<c>buildpacks run</c>), so both show the same commands.
/// </summary>
internal sealed record LaunchMetadata
{
    /// <summary>The buildpack that staged the droplet (Cloud Foundry's <c>detected_buildpack</c>; empty for a slug).</summary>
    public string DetectedBuildpack { get; init; } = "";

    /// <summary>Process types by name, ordinal order.</summary>
    public IReadOnlyDictionary<string, string> ProcessTypes { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary><c>config.entrypoint_prefix</c> of <c>staging_info.yml</c>: replaces <c>bash -c</c> when set.</summary>
    public string? EntrypointPrefix { get; init; }

    /// <summary>The release's <c>config_vars</c>: defaults for the process's environment.</summary>
    public IReadOnlyDictionary<string, string> ConfigVars { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Reads a Cloud Foundry droplet's <c>staging_info.yml</c> (JSON). Staging writes every process type under
    /// <c>process_types</c>; a droplet staged elsewhere has only <c>start_command</c>, which gives <c>web</c>, and the
    /// app's Procfile gives the other types.
    /// </summary>
    /// <param name="json">The text of <c>staging_info.yml</c>.</param>
    /// <param name="procfile">The text of <c>app/Procfile</c>, when the droplet has one.</param>
    /// <param name="sourcePath">The file errors about staging_info.yml point at: the droplet, or the extracted file.</param>
    /// <param name="procfilePath">The file errors about the Procfile point at.</param>
    public static LaunchMetadata FromStagingInfo(string json, string? procfile, string sourcePath, string procfilePath)
    {
        var types = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var configVars = new SortedDictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.TryGetProperty("process_types", out var map) && map.ValueKind == JsonValueKind.Object)
            {
                CopyStrings(map, types);
            }
            else
            {
                foreach (var (type, command) in procfile is null ? new Dictionary<string, string>() : Procfile.Parse(procfile, procfilePath))
                {
                    types[type] = command;
                }

                if (root.TryGetProperty("start_command", out var start) && start.GetString() is { Length: > 0 } startCommand)
                {
                    types["web"] = startCommand;
                }
            }

            if (root.TryGetProperty("config_vars", out var vars) && vars.ValueKind == JsonValueKind.Object)
            {
                CopyStrings(vars, configVars);
            }

            string? prefix = null;
            if (root.TryGetProperty("config", out var config) && config.ValueKind == JsonValueKind.Object
                && config.TryGetProperty("entrypoint_prefix", out var p) && p.ValueKind == JsonValueKind.String)
            {
                prefix = p.GetString();
            }

            return new LaunchMetadata
            {
                DetectedBuildpack = root.TryGetProperty("detected_buildpack", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : "",
                ProcessTypes = types,
                EntrypointPrefix = string.IsNullOrWhiteSpace(prefix) ? null : prefix,
                ConfigVars = configVars,
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new BuildpackException(ErrorCodes.InvalidDroplet, $"The droplet's staging_info.yml is not the JSON Cloud Foundry writes: {ex.Message}", sourcePath, CfExitCodes.Other, ex);
        }
    }

    /// <summary>Reads a slug: herokuish's <c>.release</c>, with the app's Procfile merged over it per type.</summary>
    /// <param name="release">The text of <c>.release</c>, when the slug has one.</param>
    /// <param name="procfile">The text of <c>Procfile</c>, when the slug has one.</param>
    /// <param name="releasePath">The file errors about <c>.release</c> point at: the droplet, or the extracted file.</param>
    /// <param name="procfilePath">The file errors about the Procfile point at.</param>
    public static LaunchMetadata FromSlug(string? release, string? procfile, string releasePath, string procfilePath)
    {
        var types = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var configVars = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var info = release is null ? ReleaseInfo.Empty : ReleaseParser.Parse(release, ".release", releasePath);
        foreach (var (type, command) in info.DefaultProcessTypes)
        {
            types[type] = command;
        }

        foreach (var (type, command) in procfile is null ? new Dictionary<string, string>() : Procfile.Parse(procfile, procfilePath))
        {
            types[type] = command;
        }

        foreach (var (name, value) in info.ConfigVars)
        {
            configVars[name] = value;
        }

        return new LaunchMetadata { ProcessTypes = types, ConfigVars = configVars };
    }

    /// <summary>Reads the metadata of a droplet extracted into <paramref name="root"/>.</summary>
    public static (DropletLayout Layout, LaunchMetadata Metadata) ReadExtracted(string root)
    {
        var stagingInfo = Path.Combine(root, "staging_info.yml");
        if (File.Exists(stagingInfo) && Directory.Exists(Path.Combine(root, "app")))
        {
            var procfile = Path.Combine(root, "app", "Procfile");
            return (DropletLayout.CloudFoundry, FromStagingInfo(File.ReadAllText(stagingInfo), ReadIfExists(procfile), stagingInfo, procfile));
        }

        var release = Path.Combine(root, ".release");
        var slugProcfile = Path.Combine(root, "Procfile");
        return (DropletLayout.Heroku, FromSlug(ReadIfExists(release), ReadIfExists(slugProcfile), release, slugProcfile));
    }

    private static string? ReadIfExists(string path) => File.Exists(path) ? File.ReadAllText(path) : null;

    private static void CopyStrings(JsonElement map, SortedDictionary<string, string> into)
    {
        foreach (var property in map.EnumerateObject())
        {
            into[property.Name] = property.Value.GetString() ?? "";
        }
    }
}
