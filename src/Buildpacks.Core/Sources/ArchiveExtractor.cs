using System.Formats.Tar;
using System.IO.Compression;
using System.Runtime.Versioning;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;
using Buildpacks.Core.Launching;

namespace Buildpacks.Core.Sources;

/// <summary>
/// Unpacks a buildpack archive (downloaded, or a local file) with the launcher's safe extraction: a zip is first rewritten as a tar, so
/// both go through the same checks. Entry count and total size are checked before anything is written. A single
/// top-level directory (GitHub's tarballs) is unwrapped.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class ArchiveExtractor(BuildpackReference reference, ArchiveSourceOptions options, IStagingLog log)
{
    private const int UnixTypeMask = 0xF000;
    private const int UnixSymbolicLink = 0xA000;
    private const UnixFileMode Executable = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>Extracts <paramref name="archive"/> so that <paramref name="tree"/> (empty) becomes the buildpack's root.</summary>
    public void Extract(string archive, string tree, CancellationToken cancellationToken)
    {
        var work = Path.GetDirectoryName(tree)!;
        var extracted = Path.Combine(work, "extracted");
        Directory.CreateDirectory(extracted);
        var isZip = PathOf(reference).EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
        var gzipped = !isZip && !PathOf(reference).EndsWith(".tar", StringComparison.OrdinalIgnoreCase);
        try
        {
            var withoutModes = false;
            var tar = archive;
            if (isZip)
            {
                tar = Path.Combine(work, "zip.tar");
                withoutModes = ZipToTar(archive, tar);
            }
            else
            {
                CheckBounds(archive, gzipped);
            }

            // The bounds were checked above; the extraction counts again as it writes, in case the archive lied about sizes.
            var limits = new ExtractionLimits { MaxBytes = options.MaxBytes, MaxEntries = options.MaxEntries };
            new SafeTarExtraction(tar, extracted, limits, gzipped && !isZip, Unsafe).Run(cancellationToken);
            var root = SingleDirectory(extracted) ?? extracted;
            Directory.Delete(tree);
            Directory.Move(root, tree);
            if (withoutModes)
            {
                MakeScriptsExecutable(tree);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException)
        {
            var local = reference.Kind == BuildpackReferenceKind.LocalArchive;
            throw new BuildpackException(
                ErrorCodes.ArchiveInvalid,
                $"The buildpack archive '{reference.Display}' is not a readable {(isZip ? "zip" : gzipped ? "gzipped tarball" : "tarball")} ({ex.Message}). " +
                (local
                    ? "Check the file: it may be truncated or not an archive at all, and its name must end in its real kind (.zip, .tgz, .tar.gz or .tar). Package it again (buildpacks package) or give the buildpack's directory."
                    : "Check the URL: its path must end in the archive's real kind (.tgz, .tar.gz, .tar or .zip)."),
                local ? reference.Location : null,
                CfExitCodes.Other,
                ex);
        }

        if (!Directory.Exists(Path.Combine(tree, "bin")))
        {
            throw new BuildpackException(
                ErrorCodes.FetchedBuildpackInvalid,
                $"The buildpack archive '{reference.Display}' holds no bin/ directory at its top (or inside its single top-level folder). A buildpack needs bin/detect and bin/compile (or bin/supply, bin/finalize).");
        }
    }

    private static string PathOf(BuildpackReference reference) =>
        reference.Kind == BuildpackReferenceKind.LocalArchive ? reference.Location : new Uri(reference.Location).AbsolutePath;

    private static string? SingleDirectory(string directory)
    {
        var entries = Directory.GetFileSystemEntries(directory);
        return entries.Length == 1 && Directory.Exists(entries[0]) && new DirectoryInfo(entries[0]).LinkTarget is null ? entries[0] : null;
    }

    private void CheckBounds(string archive, bool gzipped)
    {
        using var file = File.OpenRead(archive);
        using var input = gzipped ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        using var tar = new TarReader(input);
        var (count, bytes) = (0, 0L);
        while (tar.GetNextEntry() is { } entry)
        {
            Count(ref count, ref bytes, entry.Length);
        }
    }

    /// <summary>Rewrites a zip as a tar, modes and links included; true when the zip carried no Unix modes at all.</summary>
    private bool ZipToTar(string zipPath, string tarPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        var (count, bytes) = (0, 0L);
        foreach (var entry in zip.Entries)
        {
            Count(ref count, ref bytes, entry.Length);
        }

        var anyModes = false;
        using (var output = File.Create(tarPath))
        using (var tar = new TarWriter(output, TarEntryFormat.Pax))
        {
            foreach (var entry in zip.Entries)
            {
                var unix = (entry.ExternalAttributes >> 16) & 0xFFFF;
                anyModes |= unix != 0;
                var isDirectory = entry.FullName.EndsWith('/');
                var mode = (UnixFileMode)(unix & 0xFFF);
                if ((unix & UnixTypeMask) == UnixSymbolicLink)
                {
                    using var reader = new StreamReader(entry.Open());
                    tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, entry.FullName) { LinkName = reader.ReadToEnd() });
                }
                else if (isDirectory)
                {
                    tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, entry.FullName) { Mode = mode == 0 ? (UnixFileMode)0b111_101_101 : mode });
                }
                else
                {
                    using var data = entry.Open();
                    tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, entry.FullName) { Mode = mode == 0 ? (UnixFileMode)0b110_100_100 : mode, DataStream = data });
                }
            }
        }

        return !anyModes;
    }

    private void Count(ref int count, ref long bytes, long length)
    {
        count++;
        bytes += Math.Max(0, length);
        if (count > options.MaxEntries || bytes > options.MaxBytes)
        {
            throw new BuildpackException(
                ErrorCodes.ArchiveTooLarge,
                $"The buildpack archive '{reference.Display}' holds more than {options.MaxEntries} entries or {options.MaxBytes} bytes. " +
                "Check the URL, or raise the bounds (ArchiveSourceOptions.MaxEntries, MaxBytes).");
        }
    }

    private void MakeScriptsExecutable(string tree)
    {
        var bin = Path.Combine(tree, "bin");
        if (!Directory.Exists(bin))
        {
            return;
        }

        foreach (var script in Directory.GetFiles(bin))
        {
            File.SetUnixFileMode(script, File.GetUnixFileMode(script) | Executable);
        }

        log.Warning(new BuildpackDiagnostic(
            ErrorCodes.ZipWithoutModes,
            $"The buildpack archive '{reference.Display}' is a zip without Unix file modes; bin/* were made executable. " +
            "Other files that must be executable may not be: prefer a .tgz, or a zip made on Linux or macOS (zip -r, which keeps modes)."));
    }

    private BuildpackException Unsafe(string entry, string reason) => new(
        ErrorCodes.UnsafeArchiveEntry,
        $"The buildpack archive '{reference.Display}' holds the unsafe entry '{entry}': {reason}. Nothing of it was used. " +
        "Check where the archive comes from; a buildpack never needs such entries.");
}
