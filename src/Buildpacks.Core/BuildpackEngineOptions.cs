using Buildpacks.Core.Hosts;
using Buildpacks.Core.Sources;

namespace Buildpacks.Core;

/// <summary>What an engine is made of: where buildpacks come from and where their scripts run.</summary>
public sealed record BuildpackEngineOptions
{
    /// <summary>The sources asked in order for each buildpack reference. Default: local directories.</summary>
    public IReadOnlyList<IBuildpackSource> Sources { get; init; } = [new LocalDirectorySource()];

    /// <summary>Where buildpack scripts run. Default: this machine.</summary>
    public IStagingHost Host { get; init; } = LocalHost.Instance;

    /// <summary>A directory shared between stagings where sources keep fetched buildpacks; null: none.</summary>
    public string? BuildpackCacheDirectory { get; init; }

    /// <summary>When true, sources must not use the network.</summary>
    public bool Offline { get; init; }
}
