using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Buildpacks.Testing;

/// <summary>Writes gzipped tarballs entry by entry, including the malicious kinds a droplet must never hold.</summary>
public static class Tarball
{
    public static TarEntry Directory(string name) => new PaxTarEntry(TarEntryType.Directory, name) { Mode = (UnixFileMode)0b111_101_101 };

    public static TarEntry File(string name, string content = "x", UnixFileMode mode = (UnixFileMode)0b110_100_100) =>
        new PaxTarEntry(TarEntryType.RegularFile, name) { Mode = mode, DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) };

    /// <summary>A file of <paramref name="size"/> zero bytes: gzip shrinks it about a thousandfold, as in an archive bomb.</summary>
    public static TarEntry Zeros(string name, int size) =>
        new PaxTarEntry(TarEntryType.RegularFile, name) { Mode = (UnixFileMode)0b110_100_100, DataStream = new MemoryStream(new byte[size]) };

    public static TarEntry Symlink(string name, string target) => new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target };

    public static TarEntry HardLink(string name, string target) => new PaxTarEntry(TarEntryType.HardLink, name) { LinkName = target };

    public static TarEntry CharacterDevice(string name) => new PaxTarEntry(TarEntryType.CharacterDevice, name) { DeviceMajor = 1, DeviceMinor = 3 };

    public static string Write(string path, params TarEntry[] entries)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = System.IO.File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var entry in entries)
        {
            tar.WriteEntry(entry);
        }

        return path;
    }
}
