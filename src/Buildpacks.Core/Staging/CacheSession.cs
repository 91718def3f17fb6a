using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;

namespace Buildpacks.Core.Staging;

/// <summary>
/// The cache directory for one staging. Buildpacks work on a working cache; it becomes the cache only when staging
/// succeeds (Heroku saves the cache only after a successful build), so a failed or cancelled staging never leaves a
/// half-written cache. A lock file keeps two stagings off one cache. The working cache is an overlay over the cache
/// where this machine can mount one (<see cref="CacheOverlay"/>: nothing is copied, so a warm cache costs what an empty
/// one does, and only the changes are renamed in on success), else a copy beside the cache that replaces it by rename.
/// </summary>
internal sealed class CacheSession : IDisposable
{
    // Linux's EWOULDBLOCK: the lock file is locked by another staging.
    private const int WouldBlock = 11;

    private readonly string? _cacheDirectory;
    private readonly FileStream? _lock;
    private readonly CacheOverlay? _overlay;
    private readonly int _parallelism;
    private bool _committed;

    private CacheSession(string workingDirectory, string? cacheDirectory, FileStream? lockFile, CacheOverlay? overlay = null, int parallelism = 1)
    {
        WorkingDirectory = workingDirectory;
        _cacheDirectory = cacheDirectory;
        _lock = lockFile;
        _overlay = overlay;
        _parallelism = parallelism;
    }

    /// <summary>The directory buildpacks get as CACHE.</summary>
    public string WorkingDirectory { get; }

    /// <summary>Opens the cache at <paramref name="cacheDirectory"/>, a real path checked by <see cref="StagingOutputs"/>; null: a throwaway cache.</summary>
    public static CacheSession Open(string? cacheDirectory, StagingWorkspace workspace, StagingTreeMode mode, IStagingLog log)
    {
        if (string.IsNullOrEmpty(cacheDirectory))
        {
            workspace.Write(() => Directory.CreateDirectory(workspace.ScratchCacheDirectory));
            return new CacheSession(workspace.ScratchCacheDirectory, null, null);
        }

        var parent = Path.GetDirectoryName(cacheDirectory)!;
        Guard(cacheDirectory, "cannot be created", () => Directory.CreateDirectory(parent));
        var lockFile = AcquireLock(cacheDirectory);
        SweepAbandoned(cacheDirectory, log);
        var parallelism = mode.CopyThreads();
        if (mode.TriesOverlay())
        {
            try
            {
                var error = 0;
                CacheOverlay? overlay = null;
                Guard(cacheDirectory, "cannot be prepared for this staging", () => error = OperatingSystem.IsLinux() ? CacheOverlay.TryOpen(cacheDirectory, out overlay) : 38);
                if (overlay is not null)
                {
                    (log as IStagingDetail)?.Detail("The cache is used through an overlay mount; nothing was copied");
                    return new CacheSession(overlay.WorkingDirectory, cacheDirectory, lockFile, overlay, parallelism);
                }

                if (mode == StagingTreeMode.Overlay)
                {
                    throw StagingTreeModes.OverlayUnavailable("cache directory", cacheDirectory, error);
                }
            }
            catch
            {
                lockFile.Dispose();
                throw;
            }
        }

        var working = Path.Combine(parent, $".{Path.GetFileName(cacheDirectory)}.staging-{Guid.NewGuid():N}");
        try
        {
            if (Directory.Exists(cacheDirectory))
            {
                Guard(cacheDirectory, "cannot be copied for this staging", () => DirectoryCopier.Copy(cacheDirectory, working, parallelism: parallelism));
            }
            else
            {
                Guard(cacheDirectory, "cannot be created", () => Directory.CreateDirectory(working));
            }

            return new CacheSession(working, cacheDirectory, lockFile, parallelism: parallelism);
        }
        catch
        {
            DirectoryRemover.DeleteQuietly(working);
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>Makes the working copy the cache; when that fails, the cache stays as it was.</summary>
    public void Commit()
    {
        if (_cacheDirectory is null || _committed)
        {
            return;
        }

        if (_overlay is not null && OperatingSystem.IsLinux())
        {
            Guard(_cacheDirectory, "cannot be updated with this staging's cache", () =>
            {
                if (OperatingSystem.IsLinux())
                {
                    _overlay.Commit(_parallelism);
                }
            });
            _committed = true;
            return;
        }

        var previous = _cacheDirectory + ".old-" + Guid.NewGuid().ToString("N");
        Guard(_cacheDirectory, "cannot be replaced by this staging's cache", () =>
        {
            // A buildpack may delete its cache directory outright (rm -rf "$2"): that is an empty cache.
            Directory.CreateDirectory(WorkingDirectory);
            var hadPrevious = Directory.Exists(_cacheDirectory);
            if (hadPrevious)
            {
                Directory.Move(_cacheDirectory, previous);
            }

            try
            {
                Directory.Move(WorkingDirectory, _cacheDirectory);
            }
            catch when (hadPrevious)
            {
                Directory.Move(previous, _cacheDirectory);
                throw;
            }
        });
        _committed = true;
        DirectoryRemover.DeleteQuietly(previous);
    }

    public void Dispose()
    {
        if (_overlay is not null && !_committed && OperatingSystem.IsLinux())
        {
            _overlay.Discard();
        }
        else if (_cacheDirectory is not null && !_committed)
        {
            DirectoryRemover.DeleteQuietly(WorkingDirectory);
        }

        _lock?.Dispose();
    }

    // Whoever made a working copy or an old cache beside this cache held its lock, which is ours now: the stagings that
    // left these were killed before they could remove them (SIGKILL, power loss).
    private static void SweepAbandoned(string cacheDirectory, IStagingLog log)
    {
        var name = Path.GetFileName(cacheDirectory);
        try
        {
            if (OperatingSystem.IsLinux())
            {
                CacheOverlay.Sweep(cacheDirectory, log);
            }

            var parent = Path.GetDirectoryName(cacheDirectory)!;
            foreach (var leftover in Directory.EnumerateDirectories(parent, $".{name}.staging-*").Concat(Directory.EnumerateDirectories(parent, $"{name}.old-*")))
            {
                DirectoryRemover.DeleteQuietly(leftover);
            }
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemFailure(ex))
        {
            // Best effort: a leftover that stays costs room, not correctness.
        }
    }

    private static FileStream AcquireLock(string cacheDirectory)
    {
        var path = cacheDirectory + ".lock";
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (ex.HResult == WouldBlock)
        {
            throw new BuildpackException(
                ErrorCodes.CacheLocked,
                $"Another staging is using the cache directory (lock '{path}'). Wait for it to finish, or give this staging a cache directory of its own.",
                path,
                CfExitCodes.Other,
                ex);
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemFailure(ex))
        {
            throw Unusable(cacheDirectory, $"cannot be locked ('{path}')", ex);
        }
    }

    private static void Guard(string cacheDirectory, string what, Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemFailure(ex))
        {
            throw Unusable(cacheDirectory, what, ex);
        }
    }

    private static BuildpackException Unusable(string cacheDirectory, string what, Exception ex)
    {
        var path = ex is CopyFailure { IsReading: true } copy ? copy.Path : cacheDirectory;
        var remedy = FileSystemErrors.IsOutOfSpace(ex)
            ? "Free space there, or give a cache directory on a file system with room"
            : "Give a cache directory you can read and write, or none for a throwaway cache";
        return new BuildpackException(
            ErrorCodes.CacheUnusable,
            $"The cache directory '{cacheDirectory}' {what}: {FileSystemErrors.Cause(ex, path)}. {remedy}; the cache was left as it was.",
            cacheDirectory,
            CfExitCodes.Other,
            ex);
    }
}
