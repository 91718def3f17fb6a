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
        var locked = context.Pins.GetValueOrDefault(reference.Original);
        var identity = locked ?? strategy.Pinned(reference);
        if (await ServeAsync(cache, reference, identity, destination, context, "from the buildpack cache").ConfigureAwait(false) is { } pinned)
        {
            return pinned;
        }

        if (BuildpackCache.IsOffline(context))
        {
            identity ??= cache.FindPin(reference);
            return await ServeAsync(cache, reference, identity, destination, context, "from the buildpack cache (offline)").ConfigureAwait(false)
                ?? throw OfflineMiss(reference, cache);
        }

        if (locked is null && strategy.TrustsRecordedPin
            && await ServeAsync(cache, reference, cache.FindPin(reference), destination, context, "from the buildpack cache").ConfigureAwait(false) is { } recorded)
        {
            return recorded;
        }

        using (await cache.LockAsync(reference, context.CancellationToken).ConfigureAwait(false))
        {
            if (locked is not null)
            {
                // A locked tag or branch is asked once: one that moved fails before anything is fetched.
                if (strategy.Pinned(reference) is null && await strategy.CheckRemoteAsync(reference, context).ConfigureAwait(false) is { } current && current != locked)
                {
                    throw NoLongerServed(reference, locked, current, context);
                }
            }
            else
            {
                // Another staging may have fetched it while this one waited for the lock.
                identity ??= strategy.TrustsRecordedPin ? cache.FindPin(reference) : await strategy.CheckRemoteAsync(reference, context).ConfigureAwait(false);
            }

            var how = "from the buildpack cache";
            if (identity is null || cache.Find(reference, identity) is null)
            {
                identity = await FetchAsync(cache, reference, locked, context, strategy).ConfigureAwait(false);
                how = "fetched";
            }

            if (locked is null)
            {
                cache.Pin(reference, identity);
            }

            return await ServeAsync(cache, reference, identity, destination, context, how).ConfigureAwait(false)
                ?? throw RemovedWhileInstalling(reference, cache);
        }
    }

    /// <summary>The error for an entry that <c>buildpacks cache prune</c> took away between installing and copying it out.</summary>
    internal static BuildpackException RemovedWhileInstalling(BuildpackReference reference, BuildpackCache cache) => new(
        ErrorCodes.BuildpackCacheFailed,
        $"The buildpack '{reference.Display}' was removed from the buildpack cache '{cache.Root}' (buildpacks cache prune) while this staging installed it. Stage again.",
        cache.Root);

    private static async Task<BuildpackIdentity> FetchAsync(BuildpackCache cache, BuildpackReference reference, BuildpackIdentity? locked, SourceContext context, IFetchStrategy strategy)
    {
        var scratch = cache.NewScratchDirectory();
        try
        {
            var filled = Path.Combine(scratch, "tree");
            Directory.CreateDirectory(filled);
            var fetched = await strategy.FetchAsync(reference, filled, context).ConfigureAwait(false);
            if (locked is not null && fetched != locked)
            {
                throw NoLongerServed(reference, locked, fetched, context);
            }

            cache.Install(reference, fetched, filled);
            return fetched;
        }
        finally
        {
            Files.DirectoryRemover.DeleteQuietly(scratch);
        }
    }

    /// <summary>The identity a reference is known to resolve to without fetching: its own pin, or (for archives) the recorded one.</summary>
    public static BuildpackIdentity? Identify(BuildpackReference reference, SourceContext context, IFetchStrategy strategy)
    {
        if ((context.Pins.GetValueOrDefault(reference.Original) ?? strategy.Pinned(reference)) is { } pinned)
        {
            return pinned;
        }

        return strategy.TrustsRecordedPin || BuildpackCache.IsOffline(context) ? BuildpackCache.For(context).FindPin(reference) : null;
    }

    /// <summary>The name a remote buildpack goes by: the last segment of its URL path, without <c>.git</c> or an archive suffix.</summary>
    public static string NameOf(BuildpackReference reference)
    {
        if (reference.IsSecret)
        {
            // Its path may be the secret itself (a secret-hash URL).
            return "buildpack";
        }

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

    /// <summary>Copies the cached entry for <paramref name="identity"/> out and describes it; null when the cache has none.</summary>
    internal static async Task<ResolvedBuildpack?> ServeAsync(BuildpackCache cache, BuildpackReference reference, BuildpackIdentity? identity, string destination, SourceContext context, string how)
    {
        if (identity is null || !await cache.TryCopyOutAsync(reference, identity, destination, context.CancellationToken).ConfigureAwait(false))
        {
            return null;
        }

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

    /// <summary>The error for a source that serves another version than the lock file pins.</summary>
    internal static BuildpackException NoLongerServed(BuildpackReference reference, BuildpackIdentity locked, BuildpackIdentity current, SourceContext context)
    {
        var what = reference.Kind switch
        {
            BuildpackReferenceKind.Git => $"'{reference.Ref ?? "the default branch"}' now names commit {current.Value}",
            BuildpackReferenceKind.Archive => $"the URL now serves an archive with {current.Value}",
            _ => $"its files now hash to {current.Value}",
        };
        return new BuildpackException(
            ErrorCodes.LockedVersionUnavailable,
            $"The lock file pins the buildpack '{reference.Display}' to {locked}, but {what}. " +
            "To use the new version, refresh the lock file: buildpacks lock APP_DIR --buildpack REF... (with every buildpack the staging uses); " +
            "to keep the locked one, serve it again (move the tag back, restore the archive or the directory).",
            context.LockFile);
    }

    private static BuildpackException OfflineMiss(BuildpackReference reference, BuildpackCache cache) => new(
        ErrorCodes.OfflineCacheMiss,
        $"Offline, and the buildpack '{reference.Display}' is not in the buildpack cache '{cache.Root}'. " +
        "Warm the cache by staging (or running 'buildpacks detect') once with network access and the same --buildpack-cache, " +
        "or give a local directory of the buildpack.",
        cache.Root);
}
