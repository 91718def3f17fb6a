using System.Runtime.Versioning;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;

namespace Buildpacks.Core.Staging;

/// <summary>
/// The working cache as an overlay over the cache, so a warm cache costs no copy. All of it lives in a stage directory
/// beside the cache (<c>.NAME.overlay-ID</c>, same file system): the cache itself is renamed to <c>lower/cache</c>, the
/// overlay of it and <c>upper</c> is mounted at <c>merged</c>, and buildpacks get <c>merged/cache</c>, a plain directory
/// they may even delete (the mount point above it they could not). Renaming the cache in, rather than mounting over it
/// where it is, is what makes that possible; the cache is renamed back on every way out.
/// On success the overlay is unmounted, <c>lower</c> is renamed to <c>applying</c>, the upper's changes are applied to
/// it (renames, no data copied) and <c>applying/cache</c> is renamed to the cache. The rename to <c>applying</c> is the
/// marker: a stage left by a killed staging with <c>lower/cache</c> holds the cache untouched and it is put back; one
/// with <c>applying</c> holds a half-applied cache, which is discarded, so the next staging starts with an empty cache
/// rather than a half-written one. Everything happens under the cache's lock.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class CacheOverlay
{
    private const string Marker = "applying";
    private const string CacheName = "cache";

    private readonly string _cache;
    private readonly string _stage;
    private bool _mounted;
    private bool _created;

    private CacheOverlay(string cache, string stage)
    {
        _cache = cache;
        _stage = stage;
    }

    /// <summary>The directory buildpacks get as CACHE.</summary>
    public string WorkingDirectory => Path.Combine(_stage, "merged", CacheName);

    private string Lower => Path.Combine(_stage, "lower");

    private string Upper => Path.Combine(_stage, "upper");

    private string Merged => Path.Combine(_stage, "merged");

    /// <summary>The stage directories beside <paramref name="cache"/> that stagings leave.</summary>
    public static IEnumerable<string> Stages(string cache) =>
        Directory.EnumerateDirectories(Path.GetDirectoryName(cache)!, $".{Path.GetFileName(cache)}.overlay-*");

    /// <summary>Mounts the overlay; returns 0, or the errno why not (then the cache is where it was and the stage is gone).</summary>
    public static int TryOpen(string cache, out CacheOverlay? overlay)
    {
        overlay = null;
        var opened = new CacheOverlay(cache, Path.Combine(Path.GetDirectoryName(cache)!, $".{Path.GetFileName(cache)}.overlay-{Guid.NewGuid():N}"));
        foreach (var directory in new[] { opened.Lower, opened.Upper, Path.Combine(opened._stage, "work"), opened.Merged })
        {
            try
            {
                Directory.CreateDirectory(directory);
            }
            catch
            {
                Remove(opened._stage);
                throw;
            }
        }

        int error;
        try
        {
            var parked = Path.Combine(opened.Lower, CacheName);
            if (Directory.Exists(cache))
            {
                Directory.Move(cache, parked);
            }
            else
            {
                Directory.CreateDirectory(parked);
                opened._created = true;
            }

            error = OverlayMount.Mount(opened.Lower, opened.Upper, Path.Combine(opened._stage, "work"), opened.Merged);
        }
        catch
        {
            opened.Discard();
            throw;
        }

        if (error != 0)
        {
            opened.Discard();
            return error;
        }

        opened._mounted = true;
        overlay = opened;
        return 0;
    }

    /// <summary>Makes the cache what the buildpacks left in the working cache.</summary>
    public void Commit(int parallelism)
    {
        // A renamed directory of the cache is recorded as a redirect this code does not follow: copy the merged tree.
        var replacement = Path.Combine(_stage, "replacement");
        var redirected = OverlayApplier.HasRedirects(Path.Combine(Upper, CacheName));
        if (redirected && Directory.Exists(WorkingDirectory))
        {
            DirectoryCopier.Copy(WorkingDirectory, replacement, parallelism: parallelism);
        }

        if (!OverlayMount.UnmountAllBelow(_stage))
        {
            throw new IOException($"The overlay at '{Merged}' cannot be unmounted.");
        }

        _mounted = false;
        var applying = Path.Combine(_stage, Marker);
        Directory.Move(Lower, applying);
        var result = Path.Combine(applying, CacheName);
        if (redirected)
        {
            DirectoryRemover.Delete(result);
            if (Directory.Exists(replacement))
            {
                Directory.Move(replacement, result);
            }
        }
        else
        {
            OverlayApplier.Apply(Upper, applying, CacheName);
        }

        // A buildpack may delete its cache directory outright (rm -rf "$2"): that is an empty cache.
        Directory.CreateDirectory(result);
        Directory.Move(result, _cache);
        Remove(_stage);
    }

    /// <summary>Unmounts and puts the cache back as it was; best effort, the sweep finishes what fails here.</summary>
    public void Discard()
    {
        if (_mounted && !OverlayMount.UnmountAllBelow(_stage))
        {
            return;
        }

        _mounted = false;
        if (!_created)
        {
            Restore(_stage, _cache); // a cache that was not there before stays away
        }

        Remove(_stage);
    }

    /// <summary>
    /// Cleans up after stagings that were killed (their lock is ours now): unmounts, puts an untouched cache back,
    /// discards a half-applied one with a word in the log.
    /// </summary>
    public static void Sweep(string cache, IStagingLog log)
    {
        foreach (var stage in Stages(cache).ToList())
        {
            if (!OverlayMount.UnmountAllBelow(stage))
            {
                continue; // never delete through a mount that stays
            }

            if (!Restore(stage, cache) && Directory.Exists(Path.Combine(stage, Marker)) && !Directory.Exists(cache))
            {
                log.Info($"A staging was killed while it saved the cache '{cache}'; that half-saved cache was discarded and this staging starts with an empty cache");
            }

            Remove(stage);
        }
    }

    private static bool Restore(string stage, string cache)
    {
        var parked = Path.Combine(stage, "lower", CacheName);
        if (!Directory.Exists(parked) || Directory.Exists(cache))
        {
            return false;
        }

        try
        {
            Directory.Move(parked, cache);
            return true;
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemFailure(ex))
        {
            return false;
        }
    }

    private static void Remove(string stage)
    {
        if (OverlayMount.UnmountAllBelow(stage))
        {
            DirectoryRemover.DeleteQuietly(stage);
        }
    }
}
