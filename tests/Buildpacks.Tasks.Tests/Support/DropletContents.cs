using System.Formats.Tar;
using System.IO.Compression;

namespace Buildpacks.Tasks.Tests.Support;

/// <summary>Reads a droplet the way a test checks it: entry names and small files' text.</summary>
public static class DropletContents
{
    public static IReadOnlyDictionary<string, string?> Read(string path)
    {
        var entries = new Dictionary<string, string?>(StringComparer.Ordinal);
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

            entries[entry.Name] = text;
        }

        return entries;
    }

    public static string TextOf(string path, string name) =>
        Read(path).TryGetValue(name, out var text) && text is not null
            ? text
            : throw new InvalidOperationException($"{name} is not a file in {path}");

    /// <summary>Extracts the droplet into <paramref name="directory"/>, modes and links kept.</summary>
    public static void Extract(string path, string directory)
    {
        Directory.CreateDirectory(directory);
        using var stream = File.OpenRead(path);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        TarFile.ExtractToDirectory(gzip, directory, overwriteFiles: true);
    }
}
