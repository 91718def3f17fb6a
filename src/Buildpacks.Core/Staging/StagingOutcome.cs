using System.Text.Json.Nodes;

namespace Buildpacks.Core.Staging;

/// <summary>What the metadata files describe; filled in as staging goes, so a failed staging can still report.</summary>
internal sealed class StagingOutcome
{
    public string DetectedBuildpack { get; set; } = "";

    public string BuildpackKey { get; set; } = "";

    public string? EntrypointPrefix { get; set; }

    public List<BuildpackOutcome> Buildpacks { get; } = [];

    public SortedDictionary<string, string> ProcessTypes { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, string> ConfigVars { get; } = new(StringComparer.Ordinal);

    public List<string> Addons { get; } = [];

    public string StartCommand => ProcessTypes.GetValueOrDefault("web", "");
}

/// <summary>One buildpack's entry in result.json.</summary>
internal sealed record BuildpackOutcome(string Key, string Name, string? Version, JsonNode? Config, JsonNode? OutputMetadata)
{
    /// <summary>What exactly ran (content hash, commit, archive sha256).</summary>
    public Sources.BuildpackIdentity? Identity { get; init; }
}
