using System.Security.Cryptography;

namespace Buildpacks.Testing;

/// <summary>
/// A listing of a directory tree, one line per entry: path, kind, mode, and size and content hash or link target.
/// Tests compare two listings to show a tree was not changed. It is written apart from the engine's own hashing so
/// it can catch that code too, and a listing shows in a failed assert what changed.
/// </summary>
public static class TreeState
{
    public static string Of(string root)
    {
        var lines = new List<string> { Describe(new DirectoryInfo(root), ".") };
        Walk(new DirectoryInfo(root), "", lines);
        return string.Join('\n', lines) + "\n";
    }

    private static void Walk(DirectoryInfo directory, string relative, List<string> lines)
    {
        foreach (var entry in directory.GetFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var path = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
            lines.Add(Describe(entry, path));
            if (entry is DirectoryInfo subdirectory && entry.LinkTarget is null)
            {
                Walk(subdirectory, path, lines);
            }
        }
    }

    private static string Describe(FileSystemInfo entry, string path) => entry switch
    {
        { LinkTarget: { } target } => $"{path} link -> {target}",
        _ when FileKind.SpecialKind(entry.FullName) is { } kind => $"{path} {kind} {Mode(entry)}",
        DirectoryInfo => $"{path} dir {Mode(entry)}",
        FileInfo file => $"{path} file {Mode(entry)} {file.Length} {Hash(file)}",
        _ => $"{path} other",
    };

    private static string Mode(FileSystemInfo entry) => Convert.ToString((int)entry.UnixFileMode, 8);

    private static string Hash(FileInfo file)
    {
        using var stream = file.OpenRead();
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
