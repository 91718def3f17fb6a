namespace Buildpacks.Core.Files;

/// <summary>
/// Copies a directory tree the way <c>cp -a</c> does: modes kept, symlinks copied as links. Fifos, sockets and
/// devices are left out and returned: reading a fifo waits for a writer forever, and a device may never end.
/// </summary>
internal static class DirectoryCopier
{
    public static IReadOnlyList<SkippedFile> Copy(string source, string destination, Func<string, bool>? exclude = null)
    {
        var skipped = new List<SkippedFile>();
        Directory.CreateDirectory(destination);
        CopyChildren(new DirectoryInfo(source), destination, "", exclude, skipped);
        CopyMode(source, destination);
        return skipped;
    }

    private static void CopyChildren(DirectoryInfo source, string destination, string relative, Func<string, bool>? exclude, List<SkippedFile> skipped)
    {
        foreach (var entry in source.EnumerateFileSystemInfos())
        {
            var entryRelative = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
            if (exclude?.Invoke(entryRelative) == true)
            {
                continue;
            }

            var target = Path.Combine(destination, entry.Name);
            if (entry.LinkTarget is { } link)
            {
                File.CreateSymbolicLink(target, link);
            }
            else if (entry is DirectoryInfo directory)
            {
                Directory.CreateDirectory(target);
                CopyChildren(directory, target, entryRelative, exclude, skipped);
                CopyMode(directory.FullName, target);
            }
            else if (SpecialFile.Kind(entry.FullName) is { } kind)
            {
                skipped.Add(new SkippedFile(entryRelative, kind));
            }
            else
            {
                ((FileInfo)entry).CopyTo(target, overwrite: false);
                CopyMode(entry.FullName, target);
            }
        }
    }

    private static void CopyMode(string source, string destination)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(destination, File.GetUnixFileMode(source));
        }
    }
}
