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

        if (locked is null && strategy.TrustsRecordedPin && cache.FindPin(reference) is { } recorded && Installed(cache, reference, recorded) is { } recordedTree)
        {
            return CopyOut(reference, recordedTree, destination, recorded, context, "from the buildpack cache");
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

            var tree = Installed(cache, reference, identity);
            var how = "from the buildpack cache";
            if (tree is null)
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

                    identity = fetched;
                    tree = cache.Install(reference, identity, filled);
                    how = "fetched";
                }
                finally
                {
                    Files.DirectoryRemover.DeleteQuietly(scratch);
                }
            }

            if (locked is null)
            {
                cache.Pin(reference, identity!);
            }

            return CopyOut(reference, tree, destination, identity!, context, how);
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
