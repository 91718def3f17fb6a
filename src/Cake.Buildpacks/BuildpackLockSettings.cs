using Cake.Core.IO;

namespace Cake.Buildpacks;

/// <summary>Settings for <see cref="BuildpacksAliases.BuildpackLock(Cake.Core.ICakeContext, Cake.Core.IO.DirectoryPath, BuildpackLockSettings)"/>.</summary>
public sealed class BuildpackLockSettings
{
    /// <summary>The buildpacks to pin: every buildpack and candidate the stagings use. Directories are relative to the working directory or absolute.</summary>
    public IList<string> Buildpacks { get; } = [];

    /// <summary>The lock file to write or refresh; null: <c>buildpacks.lock.json</c> in the app directory.</summary>
    public FilePath? LockFile { get; set; }

    /// <summary>
    /// The shared cache of buildpacks fetched from git and archive URLs (<c>--buildpack-cache</c>); null:
    /// <c>BUILDPACKS_CACHE</c>, else <c>$XDG_CACHE_HOME/buildpacks</c>, else <c>~/.cache/buildpacks</c>.
    /// </summary>
    public DirectoryPath? BuildpackCacheRoot { get; set; }

    /// <summary>Use no network: buildpack URLs come from the buildpack cache only (<c>--offline</c>).</summary>
    public bool Offline { get; set; }
}
