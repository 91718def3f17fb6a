namespace Buildpacks.Core.Files;

/// <summary>
/// A path with every symbolic link in it resolved, also for a path that does not exist yet (its existing part is
/// resolved, the rest appended), without a trailing separator: two spellings of one place give one string.
/// </summary>
internal static class RealPath
{
    // Linux gives up after 40 links in one lookup (ELOOP); a loop stops here too, leaving the path as written.
    private const int MaxLinks = 40;

    public static string Of(string path) => Resolve(Path.GetFullPath(path), 0);

    /// <summary>Whether <paramref name="path"/> is <paramref name="directory"/> or lies inside it; both real paths.</summary>
    public static bool IsSameOrInside(string path, string directory) =>
        path == directory || path.StartsWith(Path.EndsInDirectorySeparator(directory) ? directory : directory + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Resolve(string fullPath, int links)
    {
        var root = Path.GetPathRoot(fullPath)!;
        var current = root;
        foreach (var part in fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            if (links < MaxLinks && LinkTarget(next) is { } target)
            {
                next = Resolve(Path.GetFullPath(target, current), links + 1);
            }

            current = next;
        }

        return current;
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
