using Cake.Core.IO;

namespace Cake.Buildpacks;

/// <summary>Fluent setters for <see cref="BuildpackLockSettings"/>.</summary>
public static class BuildpackLockSettingsExtensions
{
    /// <summary>Adds a buildpack to pin.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="reference">A directory, git URL or archive URL, as the stagings name it.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackLockSettings WithBuildpack(this BuildpackLockSettings settings, string reference) =>
        Change(settings, s => s.Buildpacks.Add(reference));

    /// <summary>Sets the lock file to write or refresh.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="lockFile">The file, relative to the working directory or absolute.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackLockSettings SetLockFile(this BuildpackLockSettings settings, FilePath lockFile) =>
        Change(settings, s => s.LockFile = lockFile);

    /// <summary>Sets the shared cache of buildpacks fetched from URLs.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="cacheRoot">The directory, relative to the working directory or absolute.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackLockSettings SetBuildpackCacheRoot(this BuildpackLockSettings settings, DirectoryPath cacheRoot) =>
        Change(settings, s => s.BuildpackCacheRoot = cacheRoot);

    /// <summary>Uses no network: buildpack URLs come from the buildpack cache only.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="offline">Whether to stay offline.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackLockSettings UseOffline(this BuildpackLockSettings settings, bool offline = true) =>
        Change(settings, s => s.Offline = offline);

    private static BuildpackLockSettings Change(BuildpackLockSettings settings, Action<BuildpackLockSettings> change)
    {
        ArgumentNullException.ThrowIfNull(settings);
        change(settings);
        return settings;
    }
}
