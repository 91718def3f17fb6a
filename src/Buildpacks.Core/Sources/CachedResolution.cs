using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Sources;

/// <summary>
/// The resolution every remote source shares: a pinned reference already in the cache is copied out with no
/// process and no network; offline, only the cache is used; otherwise one process at a time per reference asks the
/// remote, fetches what the cache lacks, and installs it for everyone.
/// </summary>
internal static class CachedResolution
{
    public static async Task<ResolvedBuildpack> ResolveAsync(BuildpackReference reference, string destination, SourceContext context, IFetchStrategy strategy)
    {
        var cache = BuildpackCache.For(context);
        var identity = strategy.Pinned(reference);
        if (Installed(cache, reference, identity) is { } pinnedTree)
        {
            return CopyOut(reference, pinnedTree, destination, identity!, context, "from the buildpack cache");
        }

        if (BuildpackCache.IsOffline(context))
        {
            identity ??= cache.FindPin(reference);
            return Installed(cache, reference, identity) is { } offlineTree
                ? CopyOut(reference, offlineTree, destination, identity!, context, "from the buildpack cache (offline)")
                : throw OfflineMiss(reference, cache);
        }

        if (strategy.TrustsRecordedPin && cache.FindPin(reference) is { } recorded && Installed(cache, reference, recorded) is { } recordedTree)
        {
            return CopyOut(reference, recordedTree, destination, recorded, context, "from the buildpack cache");
        }

        using (await cache.LockAsync(reference, context.CancellationToken).ConfigureAwait(false))
        {
            // Another staging may have fetched it while this one waited for the lock.
            identity ??= strategy.TrustsRecordedPin ? cache.FindPin(reference) : await strategy.CheckRemoteAsync(reference, context).ConfigureAwait(false);
            var tree = Installed(cache, reference, identity);
            var how = "from the buildpack cache";
            if (tree is null)
            {
                var scratch = cache.NewScratchDirectory();
                try
                {
                    var filled = Path.Combine(scratch, "tree");
                    Directory.CreateDirectory(filled);
                    identity = await strategy.FetchAsync(reference, filled, context).ConfigureAwait(false);
                    tree = cache.Install(reference, identity, filled);
                    how = "fetched";
                }
                finally
                {
                    Files.DirectoryRemover.DeleteQuietly(scratch);
                }
            }

            cache.Pin(reference, identity!);
            return CopyOut(reference, tree, destination, identity!, context, how);
        }
    }

    /// <summary>The identity a reference is known to resolve to without fetching: its own pin, or (for archives) the recorded one.</summary>
    public static BuildpackIdentity? Identify(BuildpackReference reference, SourceContext context, IFetchStrategy strategy)
    {
        if (strategy.Pinned(reference) is { } pinned)
        {
            return pinned;
        }

        return strategy.TrustsRecordedPin || BuildpackCache.IsOffline(context) ? BuildpackCache.For(context).FindPin(reference) : null;
    }

    /// <summary>The name a remote buildpack goes by: the last segment of its URL path, without <c>.git</c> or an archive suffix.</summary>
    public static string NameOf(BuildpackReference reference)
    {
        var location = reference.Location;
        var query = location.IndexOfAny(['?', '#']);
        var path = (query < 0 ? location : location[..query]).TrimEnd('/');
        var name = path[(path.LastIndexOfAny(['/', ':']) + 1)..];
        foreach (var suffix in new[] { ".git", ".tar.gz", ".tgz", ".tar", ".zip" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    private static string? Installed(BuildpackCache cache, BuildpackReference reference, BuildpackIdentity? identity) =>
        identity is null ? null : cache.Find(reference, identity);

    private static ResolvedBuildpack CopyOut(BuildpackReference reference, string tree, string destination, BuildpackIdentity identity, SourceContext context, string how)
    {
        BuildpackCache.CopyOut(tree, destination);
        context.Log.Info($"Buildpack {reference.Display}: {identity} ({how})");
        var versionFile = Path.Combine(destination, "VERSION");
        var version = File.Exists(versionFile) ? File.ReadAllText(versionFile).Trim() : null;

        // The key is the redacted reference: it is what result.json, staging_info.yml and every log line show.
        return new ResolvedBuildpack(reference.Display, destination, NameOf(reference), string.IsNullOrEmpty(version) ? null : version)
        {
            Identity = identity,
            DisplayKey = reference.Display,
        };
    }

    private static BuildpackException OfflineMiss(BuildpackReference reference, BuildpackCache cache) => new(
        ErrorCodes.OfflineCacheMiss,
        $"Offline, and the buildpack '{reference.Display}' is not in the buildpack cache '{cache.Root}'. " +
        "Warm the cache by staging (or running 'buildpacks detect') once with network access and the same --buildpack-cache, " +
        "or give a local directory of the buildpack.",
        cache.Root);
}
