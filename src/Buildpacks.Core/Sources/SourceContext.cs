using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Sources;

/// <summary>What a source may use while it resolves one reference.</summary>
/// <param name="CacheRoot">A directory shared between stagings where sources keep what they fetched; null: fetch every time.</param>
/// <param name="Offline">When true, a source must not use the network: it resolves from its cache or fails with a coded error.</param>
/// <param name="Pins">Identities a lock file pins references to, by their original text; a source serves exactly them or fails.</param>
/// <param name="Log">Where the source reports progress and warnings.</param>
/// <param name="CancellationToken">Stops a download or clone.</param>
internal sealed record SourceContext(
    string? CacheRoot,
    bool Offline,
    IReadOnlyDictionary<string, BuildpackIdentity> Pins,
    IStagingLog Log,
    CancellationToken CancellationToken)
{
    /// <summary>The lock file the <see cref="Pins"/> come from, for errors about them; null without one.</summary>
    public string? LockFile { get; init; }

    /// <summary>A context with no cache, no pins and no log, for callers that only need a local directory.</summary>
    public static SourceContext Plain(CancellationToken cancellationToken = default) =>
        new(null, false, new Dictionary<string, BuildpackIdentity>(), NullStagingLog.Instance, cancellationToken);
}
