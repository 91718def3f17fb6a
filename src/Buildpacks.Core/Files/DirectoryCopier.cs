using System.Runtime.ExceptionServices;

namespace Buildpacks.Core.Files;

/// <summary>
/// Copies a directory tree the way <c>cp -a</c> does: modes kept, symlinks copied as links. Fifos, sockets and
/// devices are left out and returned: reading a fifo waits for a writer forever, and a device may never end.
/// A failure is a <see cref="CopyFailure"/> that names the entry and says whether reading it or writing its copy failed.
/// File data is cloned where the file system can (.NET's File.Copy tries FICLONE first on Linux), so on btrfs or XFS
/// a copy costs only the creation of its files.
/// </summary>
internal static class DirectoryCopier
{
    /// <summary>
    /// Copies <paramref name="source"/> to <paramref name="destination"/>. With <paramref name="parallelism"/> above one
    /// the files are copied on that many threads: on most disks creating a file costs far more than its few bytes, and
    /// the file system creates files in parallel.
    /// </summary>
    public static IReadOnlyList<SkippedFile> Copy(string source, string destination, Func<string, bool>? exclude = null, int parallelism = 1)
    {
        var pass = new Pass(exclude, parallelism > 1);
        Write(destination, () => Directory.CreateDirectory(destination));
        pass.CopyChildren(new DirectoryInfo(source), destination, "");
        pass.Finish(parallelism);
        CopyMode(source, destination);
        return pass.Skipped;
    }

    // One copy. Sequential, each entry is done in walk order; parallel, the walk makes the directories and links and
    // lists the files, which are copied afterwards, and directory modes (perhaps read-only) are set last, deepest first.
    private sealed class Pass(Func<string, bool>? exclude, bool deferred)
    {
        private readonly List<(FileInfo File, string Target)> _files = [];
        private readonly List<(string Source, string Target)> _directories = [];

        public List<SkippedFile> Skipped { get; } = [];

        public void CopyChildren(DirectoryInfo source, string destination, string relative)
        {
            FileSystemInfo[] entries = [];
            Read(source.FullName, () => entries = source.GetFileSystemInfos());
            foreach (var entry in entries)
            {
                var entryRelative = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                if (exclude?.Invoke(entryRelative) == true)
                {
                    continue;
                }

                var target = Path.Combine(destination, entry.Name);
                if (entry.LinkTarget is { } link)
                {
                    Write(target, () => File.CreateSymbolicLink(target, link));
                }
                else if (entry is DirectoryInfo directory)
                {
                    Write(target, () => Directory.CreateDirectory(target));
                    CopyChildren(directory, target, entryRelative);
                    if (deferred)
                    {
                        _directories.Add((directory.FullName, target));
                    }
                    else
                    {
                        CopyMode(directory.FullName, target);
                    }
                }
                else if (SpecialFile.Kind(entry.FullName) is { } kind)
                {
                    Skipped.Add(new SkippedFile(entryRelative, kind));
                }
                else if (deferred)
                {
                    _files.Add(((FileInfo)entry, target));
                }
                else
                {
                    CopyFileAndMode((FileInfo)entry, target);
                }
            }
        }

        public void Finish(int parallelism)
        {
            if (_files.Count > 0)
            {
                try
                {
                    Parallel.ForEach(_files, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, job => CopyFileAndMode(job.File, job.Target));
                }
                catch (AggregateException ex)
                {
                    ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
                }
            }

            foreach (var (source, target) in _directories)
            {
                CopyMode(source, target);
            }
        }
    }

    private static void CopyFileAndMode(FileInfo file, string target)
    {
        CopyFile(file, target);
        CopyMode(file.FullName, target);
    }

    private static void CopyFile(FileInfo file, string target)
    {
        try
        {
            file.CopyTo(target, overwrite: false);
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemFailure(ex))
        {
            // One call reads and writes: whether the source still opens says which side failed.
            var reading = !FileSystemErrors.IsOutOfSpace(ex) && !FileSystemErrors.IsReadOnly(ex) && !CanRead(file.FullName);
            throw new CopyFailure(reading ? file.FullName : target, reading, ex);
        }
    }

    private static bool CanRead(string path)
    {
        try
        {
            File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete).Dispose();
            return true;
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemFailure(ex))
        {
            return false;
        }
    }

    private static void CopyMode(string source, string destination)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            File.SetUnixFileMode(destination, File.GetUnixFileMode(source));
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemFailure(ex))
        {
            throw new CopyFailure(destination, isReading: false, ex);
        }
    }

    private static void Read(string path, Action read) => Attempt(path, isReading: true, read);

    private static void Write(string path, Action write) => Attempt(path, isReading: false, write);

    private static void Attempt(string path, bool isReading, Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemFailure(ex))
        {
            throw new CopyFailure(path, isReading, ex);
        }
    }
}
