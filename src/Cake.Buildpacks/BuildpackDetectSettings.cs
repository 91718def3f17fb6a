using Cake.Core.IO;

namespace Cake.Buildpacks;

/// <summary>Settings for <see cref="BuildpacksAliases.BuildpackDetect(Cake.Core.ICakeContext, Cake.Core.IO.DirectoryPath, BuildpackDetectSettings)"/>.</summary>
public sealed class BuildpackDetectSettings
{
    /// <summary>
    /// The candidate buildpacks, in order; the first whose <c>bin/detect</c> exits 0 applies.
    /// Directories are relative to the working directory or absolute.
    /// </summary>
    public IList<string> Candidates { get; } = [];

    /// <summary>
    /// The shared cache of buildpacks fetched from git and archive URLs (<c>--buildpack-cache</c>); null:
    /// <c>BUILDPACKS_CACHE</c>, else <c>$XDG_CACHE_HOME/buildpacks</c>, else <c>~/.cache/buildpacks</c>.
    /// </summary>
    public DirectoryPath? BuildpackCacheRoot { get; set; }

    /// <summary>Use no network: buildpack URLs come from the buildpack cache only (<c>--offline</c>; also on when <c>BUILDPACKS_OFFLINE=1</c>).</summary>
    public bool Offline { get; set; }
}
