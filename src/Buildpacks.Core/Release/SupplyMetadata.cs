using System.Text.Json.Nodes;

namespace Buildpacks.Core.Release;

/// <summary>What a Cloud Foundry buildpack left in <c>deps/IDX/config.yml</c> and <c>launch.yml</c>.</summary>
/// <param name="Name">config.yml <c>name</c>.</param>
/// <param name="Version">config.yml <c>version</c>.</param>
/// <param name="Config">config.yml <c>config</c>, for result.json.</param>
/// <param name="OutputMetadata">config.yml <c>output_metadata</c>, for result.json.</param>
/// <param name="EntrypointPrefix">config.yml <c>config.entrypoint_prefix</c>.</param>
/// <param name="LaunchProcessTypes">launch.yml <c>processes</c> as type → command.</param>
internal sealed record SupplyMetadata(
    string? Name,
    string? Version,
    JsonNode? Config,
    JsonNode? OutputMetadata,
    string? EntrypointPrefix,
    IReadOnlyDictionary<string, string> LaunchProcessTypes)
{
    /// <summary>Nothing was left.</summary>
    public static SupplyMetadata None { get; } = new(null, null, null, null, null, new Dictionary<string, string>());
}
