using Cake.Core.IO;

namespace Cake.Buildpacks;

/// <summary>Fluent setters for <see cref="BuildpackDetectSettings"/>.</summary>
public static class BuildpackDetectSettingsExtensions
{
    /// <summary>Adds a candidate buildpack after the ones already given.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="reference">The buildpack directory, relative to the working directory or absolute.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackDetectSettings WithCandidate(this BuildpackDetectSettings settings, string reference)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Candidates.Add(reference);
        return settings;
    }

    /// <summary>Sets the shared cache of buildpacks fetched from URLs.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="cacheRoot">The directory, relative to the working directory or absolute.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackDetectSettings SetBuildpackCacheRoot(this BuildpackDetectSettings settings, DirectoryPath cacheRoot) =>
        Change(settings, s => s.BuildpackCacheRoot = cacheRoot);

    /// <summary>Uses no network: buildpack URLs come from the buildpack cache only.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="offline">Whether to stay offline.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackDetectSettings UseOffline(this BuildpackDetectSettings settings, bool offline = true) =>
        Change(settings, s => s.Offline = offline);

    private static BuildpackDetectSettings Change(BuildpackDetectSettings settings, Action<BuildpackDetectSettings> change)
    {
        ArgumentNullException.ThrowIfNull(settings);
        change(settings);
        return settings;
    }
}
