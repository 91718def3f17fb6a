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

    public static CacheSession Open(string? cacheDirectory, StagingWorkspace workspace)
    {
        if (string.IsNullOrEmpty(cacheDirectory))
        {
            Directory.CreateDirectory(workspace.ScratchCacheDirectory);
            return new CacheSession(workspace.ScratchCacheDirectory, null, null);
        }

        var full = Path.GetFullPath(cacheDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        var lockFile = AcquireLock(full + ".lock");
        try
        {
            var working = Path.Combine(parent, $".{Path.GetFileName(full)}.staging-{Guid.NewGuid():N}");
            if (Directory.Exists(full))
            {
                DirectoryCopier.Copy(full, working);
            }
            else
            {
                Directory.CreateDirectory(working);
            }

            return new CacheSession(working, full, lockFile);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>Makes the working copy the cache.</summary>
    public void Commit()
    {
        if (_cacheDirectory is null || _committed)
        {
            return;
        }

        var previous = _cacheDirectory + ".old-" + Guid.NewGuid().ToString("N");
        if (Directory.Exists(_cacheDirectory))
        {
            Directory.Move(_cacheDirectory, previous);
        }

        Directory.Move(WorkingDirectory, _cacheDirectory);
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

    private static FileStream AcquireLock(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new BuildpackException(
                ErrorCodes.CacheLocked,
                $"Another staging is using the cache directory (lock '{path}'). Wait for it to finish, or give this staging a cache directory of its own.",
                path,
                CfExitCodes.Other,
                ex);
        }
    }
}
