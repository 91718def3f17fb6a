namespace Buildpacks.Core.Files;

/// <summary>Copies a directory tree the way <c>cp -a</c> does: modes kept, symlinks copied as links.</summary>
internal static class DirectoryCopier
{
    public static void Copy(string source, string destination, Func<string, bool>? exclude = null)
    {
        Directory.CreateDirectory(destination);
        CopyChildren(new DirectoryInfo(source), destination, "", exclude);
        CopyMode(source, destination);
    }

    private static void CopyChildren(DirectoryInfo source, string destination, string relative, Func<string, bool>? exclude)
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
                CopyChildren(directory, target, entryRelative, exclude);
                CopyMode(directory.FullName, target);
            }
            else if (entry is FileInfo file && IsRegularFile(file))
            {
                file.CopyTo(target, overwrite: false);
                CopyMode(file.FullName, target);
            }
        }
    }

    private static bool IsRegularFile(FileInfo file) =>
        (file.Attributes & (FileAttributes.Device | FileAttributes.ReparsePoint)) == 0;

    private static void CopyMode(string source, string destination)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(destination, File.GetUnixFileMode(source));
        }
    }
}
