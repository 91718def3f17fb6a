using System.IO.Compression;

namespace Buildpacks.Core.Packaging;

/// <summary>
/// Writes a zip whose bytes depend only on its entries: sorted by name, one fixed time, Unix modes kept (so
/// bin/* stay executable once unzipped), and moved into place only when complete.
/// </summary>
internal static class DeterministicZip
{
    private const int RegularFile = 0x8000;

    /// <summary>Writes <paramref name="entries"/> (name in the zip → file on disk) to <paramref name="zip"/>.</summary>
    public static void Write(string zip, IReadOnlyDictionary<string, string> entries, DateTimeOffset timestamp)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(zip))!;
        Directory.CreateDirectory(directory);
        var partial = Path.Combine(directory, "." + Path.GetFileName(zip) + ".partial-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using (var stream = File.Create(partial))
            using (var archive = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                foreach (var (name, source) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                    entry.LastWriteTime = timestamp;
                    var mode = OperatingSystem.IsWindows() ? 0x1A4 : (int)File.GetUnixFileMode(source);
                    entry.ExternalAttributes = (RegularFile | mode) << 16;
                    using var input = File.OpenRead(source);
                    using var output = entry.Open();
                    input.CopyTo(output);
                }
            }

            File.Move(partial, zip, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
