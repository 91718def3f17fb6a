namespace Buildpacks.Core.Files;

/// <summary>
/// Copies a directory tree the way <c>cp -a</c> does: modes kept, symlinks copied as links. Fifos, sockets and
/// devices are left out and returned: reading a fifo waits for a writer forever, and a device may never end.
/// A failure is a <see cref="CopyFailure"/> that names the entry and says whether reading it or writing its copy failed.
/// </summary>
internal static class DirectoryCopier
{
    public static IReadOnlyList<SkippedFile> Copy(string source, string destination, Func<string, bool>? exclude = null)
    {
        var skipped = new List<SkippedFile>();
        Write(destination, () => Directory.CreateDirectory(destination));
        CopyChildren(new DirectoryInfo(source), destination, "", exclude, skipped);
        CopyMode(source, destination);
        return skipped;
    }

    private static void CopyChildren(DirectoryInfo source, string destination, string relative, Func<string, bool>? exclude, List<SkippedFile> skipped)
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
                CopyChildren(directory, target, entryRelative, exclude, skipped);
                CopyMode(directory.FullName, target);
            }
            else if (SpecialFile.Kind(entry.FullName) is { } kind)
            {
                skipped.Add(new SkippedFile(entryRelative, kind));
            }
            else
            {
                var file = (FileInfo)entry;
                CopyFile(file, target);
                CopyMode(file.FullName, target);
            }
        }
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
