using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;

namespace Buildpacks.Core.Staging;

/// <summary>
/// The cache directory for one staging. Buildpacks work on a copy beside the real cache; the copy replaces
/// the cache only when staging succeeds (Heroku saves the cache only after a successful build), so a failed
/// or cancelled staging never leaves a half-written cache. A lock file keeps two stagings off one cache.
/// </summary>
internal sealed class CacheSession : IDisposable
{
    // Linux's EWOULDBLOCK: the lock file is locked by another staging.
    private const int WouldBlock = 11;

    private readonly string? _cacheDirectory;
    private readonly FileStream? _lock;
    private bool _committed;

    private CacheSession(string workingDirectory, string? cacheDirectory, FileStream? lockFile)
    {
        WorkingDirectory = workingDirectory;
        _cacheDirectory = cacheDirectory;
        _lock = lockFile;
    }

    /// <summary>The directory buildpacks get as CACHE.</summary>
    public string WorkingDirectory { get; }

    /// <summary>Opens the cache at <paramref name="cacheDirectory"/>, a real path checked by <see cref="StagingOutputs"/>; null: a throwaway cache.</summary>
    public static CacheSession Open(string? cacheDirectory, StagingWorkspace workspace)
    {
        if (string.IsNullOrEmpty(cacheDirectory))
        {
            workspace.Write(() => Directory.CreateDirectory(workspace.ScratchCacheDirectory));
            return new CacheSession(workspace.ScratchCacheDirectory, null, null);
        }

        var parent = Path.GetDirectoryName(cacheDirectory)!;
        Guard(cacheDirectory, "cannot be created", () => Directory.CreateDirectory(parent));
        var lockFile = AcquireLock(cacheDirectory);
        SweepAbandoned(cacheDirectory);
        var working = Path.Combine(parent, $".{Path.GetFileName(cacheDirectory)}.staging-{Guid.NewGuid():N}");
        try
        {
            if (Directory.Exists(cacheDirectory))
            {
                Guard(cacheDirectory, "cannot be copied for this staging", () => DirectoryCopier.Copy(cacheDirectory, working));
            }
            else
            {
                Guard(cacheDirectory, "cannot be created", () => Directory.CreateDirectory(working));
            }

            return new CacheSession(working, cacheDirectory, lockFile);
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
        if (_cacheDirectory is not null && !_committed)
        {
            DirectoryRemover.DeleteQuietly(WorkingDirectory);
        }

        _lock?.Dispose();
    }

    // Whoever made a working copy or an old cache beside this cache held its lock, which is ours now: the stagings that
    // left these were killed before they could remove them (SIGKILL, power loss).
    private static void SweepAbandoned(string cacheDirectory)
    {
        var name = Path.GetFileName(cacheDirectory);
        try
        {
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
