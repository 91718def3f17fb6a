using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Buildpacks.Core.Files;

namespace Buildpacks.Core.Staging;

/// <summary>Feeds records into a hash; fields are NUL-separated, which no path or name can contain.</summary>
internal sealed class FingerprintWriter(IncrementalHash hash)
{
    public void Record(params string[] fields) =>
        hash.AppendData(Encoding.UTF8.GetBytes(string.Join('\0', fields) + "\0\n"));

    /// <summary>
    /// Records a directory tree: every entry's name and mode, file sizes and contents, link targets. The tree is
    /// recorded under <paramref name="label"/> (its path by default), so a content-only hash can leave the path out.
    /// </summary>
    public void Tree(string root, Func<string, bool> exclude, string? label = null)
    {
        var directory = new DirectoryInfo(root);
        Record("tree", label ?? root, Mode(directory));
        Children(directory, "", exclude);
    }

    private void Children(DirectoryInfo directory, string relative, Func<string, bool> exclude)
    {
        foreach (var entry in directory.EnumerateFileSystemInfos().OrderBy(entry => entry.Name, StringComparer.Ordinal))
        {
            var entryRelative = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
            if (exclude(entryRelative))
            {
                continue;
            }

            if (entry.LinkTarget is { } link)
            {
                Record("link", entryRelative, link);
            }
            else if (entry is DirectoryInfo child)
            {
                Record("dir", entryRelative, Mode(child));
                Children(child, entryRelative, exclude);
            }
            else if (entry is FileInfo file)
            {
                Record("file", entryRelative, Mode(file), file.Length.ToString(CultureInfo.InvariantCulture), ContentHash(file));
            }
        }
    }

    private static string Mode(FileSystemInfo entry) =>
        OperatingSystem.IsWindows() ? "" : Convert.ToString((int)entry.UnixFileMode, 8);

    private static string ContentHash(FileInfo file)
    {
        // Fifos, sockets and devices are not staged either; reading one could block forever.
        if (SpecialFile.Kind(file.FullName) is { } kind)
        {
            return kind;
        }

        using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
