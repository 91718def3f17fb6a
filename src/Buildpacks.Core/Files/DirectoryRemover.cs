namespace Buildpacks.Core.Files;

/// <summary>
/// Deletes trees that buildpacks wrote. Some tools leave read-only directories behind (Go's module cache
/// does), which a plain recursive delete cannot enter; those get their write bit back first.
/// </summary>
internal static class DirectoryRemover
{
    public static void DeleteQuietly(string path)
    {
        try
        {
            Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public static void Delete(string path)
    {
        if (!Directory.Exists(path))
        {
            return;
        }

        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (UnauthorizedAccessException) when (!OperatingSystem.IsWindows())
        {
            MakeWritable(new DirectoryInfo(path));
            Directory.Delete(path, recursive: true);
        }
    }

    private static void MakeWritable(DirectoryInfo directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        directory.UnixFileMode |= UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        foreach (var child in directory.EnumerateDirectories())
        {
            if (child.LinkTarget is null)
            {
                MakeWritable(child);
            }
        }
    }
}
