using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Buildpacks.Testing;

/// <summary>Buildpack archives as servers hand them out: GitHub-style tarballs, zips with and without modes.</summary>
public static class BuildpackArchives
{
    private const UnixFileMode Executable = (UnixFileMode)0b111_101_101;

    /// <summary>A gzipped tarball of the marker buildpack under one top-level folder, as GitHub serves them.</summary>
    public static byte[] Tarball(string marker, string topFolder = "bp-1.0")
    {
        var path = Path.Combine(Path.GetTempPath(), "bpk-archive-" + Guid.NewGuid().ToString("N") + ".tgz");
        try
        {
            Buildpacks.Testing.Tarball.Write(
                path,
                Buildpacks.Testing.Tarball.Directory(topFolder + "/"),
                Buildpacks.Testing.Tarball.Directory(topFolder + "/bin/"),
                Buildpacks.Testing.Tarball.File(topFolder + "/bin/detect", "#!/usr/bin/env bash\necho Marker\n", Executable),
                Buildpacks.Testing.Tarball.File(topFolder + "/bin/compile", "#!/usr/bin/env bash\ncp \"$(dirname \"$0\")/../marker\" \"$1/marker\"\n", Executable),
                Buildpacks.Testing.Tarball.File(topFolder + "/bin/release", "#!/usr/bin/env bash\necho '--- {}'\n", Executable),
                Buildpacks.Testing.Tarball.File(topFolder + "/marker", marker + "\n"));
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A tarball of the given entries.</summary>
    public static byte[] Tarball(params TarEntry[] entries)
    {
        var path = Path.Combine(Path.GetTempPath(), "bpk-archive-" + Guid.NewGuid().ToString("N") + ".tgz");
        try
        {
            Buildpacks.Testing.Tarball.Write(path, entries);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A zip of the marker buildpack at its root; with <paramref name="modes"/> false, no Unix modes at all (as Windows tools write).</summary>
    public static byte[] Zip(string marker, bool modes)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "bin/detect", "#!/usr/bin/env bash\necho Marker\n", modes ? 0b111_101_101 : 0);
            Add(zip, "bin/compile", "#!/usr/bin/env bash\ncp \"$(dirname \"$0\")/../marker\" \"$1/marker\"\n", modes ? 0b111_101_101 : 0);
            Add(zip, "bin/release", "#!/usr/bin/env bash\necho '--- {}'\n", modes ? 0b111_101_101 : 0);
            Add(zip, "marker", marker + "\n", modes ? 0b110_100_100 : 0);
        }

        return memory.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string content, int mode)
    {
        var entry = zip.CreateEntry(name);
        entry.ExternalAttributes = mode == 0 ? 0 : (0x8000 | mode) << 16;
        using var stream = entry.Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
