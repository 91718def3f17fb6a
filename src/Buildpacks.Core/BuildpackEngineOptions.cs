using Buildpacks.Core.Hosts;
using Buildpacks.Core.Sources;
using Buildpacks.Core.Staging;

namespace Buildpacks.Core;

/// <summary>What an engine is made of: where buildpacks come from and where their scripts run.</summary>
public sealed record BuildpackEngineOptions
{
    /// <summary>The sources asked in order for each buildpack reference. Default: local directories, local archive files, git repositories, archive URLs.</summary>
    internal IReadOnlyList<IBuildpackSource> Sources { get; init; } = [new LocalDirectorySource(), new LocalArchiveSource(), new GitSource(), new ArchiveSource()];

    /// <summary>Where buildpack scripts run. Default: this machine.</summary>
    internal IStagingHost Host { get; init; } = LocalHost.Instance;

    /// <summary>
    /// A directory shared between stagings where sources keep fetched buildpacks; null: <c>BUILDPACKS_CACHE</c>,
    /// else <c>$XDG_CACHE_HOME/buildpacks</c>, else <c>~/.cache/buildpacks</c>.
    /// </summary>
    public string? BuildpackCacheDirectory { get; init; }

    /// <summary>When true (or when <c>BUILDPACKS_OFFLINE=1</c>), sources must not use the network: only the buildpack cache is used.</summary>
    public bool Offline { get; init; }

    /// <summary>How the build directory and the working cache are made; tests force each mode, users get the automatic choice.</summary>
    internal StagingTreeMode TreeMode { get; init; }
}
