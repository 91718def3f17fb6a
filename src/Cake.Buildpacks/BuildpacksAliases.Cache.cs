using Buildpacks.Core.Sources;
using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.Diagnostics;
using Cake.Core.IO;

namespace Cake.Buildpacks;

public static partial class BuildpacksAliases
{
    /// <summary>Lists the shared buildpack cache, as <c>buildpacks cache list</c> does: most recently used first.</summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="cacheRoot">The buildpack cache; null: <c>BUILDPACKS_CACHE</c>, else <c>$XDG_CACHE_HOME/buildpacks</c>, else <c>~/.cache/buildpacks</c>.</param>
    /// <returns>Each entry's redacted reference, identity, size and last use.</returns>
    /// <exception cref="CakeException">The cache directory cannot be created; the message starts with the diagnostic code.</exception>
    /// <example>
    /// <code>
    /// foreach (var entry in BuildpackCacheList())
    /// {
    ///     Information("{0} {1} {2} bytes", entry.Reference, entry.Identity, entry.Size);
    /// }
    /// </code>
    /// </example>
    [CakeMethodAlias]
    public static IReadOnlyList<BuildpackCacheEntry> BuildpackCacheList(this ICakeContext context, DirectoryPath? cacheRoot = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return EngineCall.Run(() => OpenCache(context, cacheRoot).List());
    }

    /// <summary>
    /// Removes buildpacks from the shared buildpack cache, as <c>buildpacks cache prune</c> does, keeping any a staging
    /// is copying out right now.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="olderThan">Remove only entries not used for this long (<c>30d</c>, <c>12h</c>, <c>90m</c>, seconds); null: every entry.</param>
    /// <param name="cacheRoot">The buildpack cache; null: the default one, as for <see cref="BuildpackCacheList"/>.</param>
    /// <returns>The entries removed.</returns>
    /// <exception cref="CakeException">An entry cannot be removed; the message starts with the diagnostic code.</exception>
    /// <example>
    /// <code>
    /// var removed = BuildpackCachePrune("30d", "/ci/cache/buildpacks");
    /// Information("Pruned {0} buildpacks", removed.Count);
    /// </code>
    /// </example>
    [CakeMethodAlias]
    public static IReadOnlyList<BuildpackCacheEntry> BuildpackCachePrune(this ICakeContext context, string? olderThan = null, DirectoryPath? cacheRoot = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var removed = EngineCall.Run(() => OpenCache(context, cacheRoot).Prune(BuildpackCache.PruneCutoff(olderThan, DateTimeOffset.UtcNow)));
        foreach (var entry in removed)
        {
            context.Log.Write(Verbosity.Normal, LogLevel.Information, "Removed {0} ({1})", entry.Reference, entry.Identity);
        }

        return removed;
    }

    private static BuildpackCache OpenCache(ICakeContext context, DirectoryPath? cacheRoot) =>
        new(cacheRoot?.MakeAbsolute(context.Environment).FullPath ?? BuildpackCache.DefaultRoot(context.Environment.GetEnvironmentVariable));
}
