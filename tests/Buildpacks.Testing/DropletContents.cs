using System.Formats.Tar;
using System.IO.Compression;

namespace Buildpacks.Testing;

/// <summary>One entry of a droplet as a test sees it.</summary>
public sealed record DropletEntry(string Name, TarEntryType Type, UnixFileMode Mode, string? LinkName, DateTimeOffset ModificationTime, int Uid, int Gid, string? Text);

/// <summary>Reads every entry of a droplet, with the text of small files.</summary>
public static class DropletContents
{
    public static IReadOnlyList<DropletEntry> Read(string path)
    {
        var entries = new List<DropletEntry>();
        using var stream = File.OpenRead(path);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            string? text = null;
            if (entry.DataStream is not null && entry.Length < 1 << 20)
            {
                using var reader = new StreamReader(entry.DataStream);
                text = reader.ReadToEnd();
            }

            entries.Add(new DropletEntry(entry.Name, entry.EntryType, entry.Mode, entry.LinkName, entry.ModificationTime, entry.Uid, entry.Gid, text));
        }

        return entries;
    }

    public static Dictionary<string, DropletEntry> ByName(string path) => Read(path).ToDictionary(e => e.Name);

    /// <summary>Entry names and small files' text, for tests that only look at names and contents.</summary>
    public static IReadOnlyDictionary<string, string?> Texts(string path) =>
        Read(path).ToDictionary(e => e.Name, e => e.Text, StringComparer.Ordinal);

    public static string TextOf(string path, string name) =>
        Read(path).Single(e => e.Name == name).Text ?? throw new InvalidOperationException(name + " has no content");

    /// <summary>Extracts the droplet into <paramref name="directory"/>, modes and links kept.</summary>
    public static void Extract(string path, string directory)
    {
        Directory.CreateDirectory(directory);
        using var stream = File.OpenRead(path);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        TarFile.ExtractToDirectory(gzip, directory, overwriteFiles: true);
    }
}
