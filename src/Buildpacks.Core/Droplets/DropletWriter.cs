using System.Formats.Tar;
using System.IO.Compression;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;

namespace Buildpacks.Core.Droplets;

/// <summary>
/// Packs a directory into a gzipped tar that depends only on the files: entries sorted by ordinal name,
/// one fixed time stamp, owner 0:0, modes and symlinks kept. File contents are streamed, so memory does not
/// grow with the app. The archive is written beside the output and renamed into place, so a failure never
/// leaves a partial droplet and an earlier droplet stays intact until the new one is complete. Fifos, sockets
/// and devices are left out (and listed in the result), never opened: reading a fifo waits for a writer forever.
/// </summary>
internal static class DropletWriter
{
    /// <summary>The time stamp used when neither the request nor SOURCE_DATE_EPOCH gives one.</summary>
    public static readonly DateTimeOffset DefaultTimestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Packs <paramref name="root"/> into <paramref name="outputPath"/>.</summary>
    /// <param name="root">The directory whose contents become the archive's <c>./</c>.</param>
    /// <param name="outputPath">The droplet to write.</param>
    /// <param name="timestamp">The modification time of every entry.</param>
    /// <param name="exclude">Relative paths (with '/' separators) to leave out, with everything below them.</param>
    /// <param name="cancellationToken">Stops packing between entries; the temporary file is removed.</param>
    public static PackedDroplet Write(
        string root,
        string outputPath,
        DateTimeOffset timestamp,
        Func<string, bool>? exclude = null,
        CancellationToken cancellationToken = default)
    {
        var fullOutput = Path.GetFullPath(outputPath);
        var temporary = TemporaryPath(fullOutput);
        var packed = WriteUncommitted(root, temporary, fullOutput, timestamp, exclude, cancellationToken);
        try
        {
            File.Move(temporary, fullOutput, overwrite: true);
            return packed;
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemFailure(ex))
        {
            TryDelete(temporary);
            throw WriteFailed(fullOutput, ex);
        }
    }

    /// <summary>
    /// Packs <paramref name="root"/> into the new file <paramref name="temporary"/> (its folder created), which the
    /// caller renames onto <paramref name="outputPath"/> once everything else of the staging is written too. On
    /// failure the temporary file is removed. <paramref name="keepOpen"/> takes the open file over: while it stays open
    /// its exclusive lock tells other stagings the temporary file is not a leftover.
    /// </summary>
    internal static PackedDroplet WriteUncommitted(
        string root,
        string temporary,
        string outputPath,
        DateTimeOffset timestamp,
        Func<string, bool>? exclude,
        CancellationToken cancellationToken,
        Action<long, int>? progress = null,
        Action<FileStream>? keepOpen = null)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(temporary)!);
            string sha;
            long size;
            int count;
            IReadOnlyList<SkippedFile> skipped;
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            keepOpen?.Invoke(file);
            using (keepOpen is null ? file : null)
            using (var hashing = new HashingStream(file))
            {
                using (var gzip = new ParallelGzipStream(hashing, CompressionLevel.Optimal, leaveOpen: true))
                using (var tar = new TarWriter(gzip, TarEntryFormat.Gnu, leaveOpen: true))
                {
                    var packer = new Packer(tar, timestamp, exclude, cancellationToken, progress);
                    packer.AddDirectory(new DirectoryInfo(root), "");
                    count = packer.Count;
                    skipped = packer.Skipped;
                }

                sha = hashing.HashHex();
                size = hashing.BytesWritten;
                file.Flush(flushToDisk: true);
            }

            return new PackedDroplet(outputPath, sha, size, count) { SkippedSpecialFiles = skipped };
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemFailure(ex))
        {
            TryDelete(temporary);
            throw WriteFailed(outputPath, ex);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>A hidden name beside <paramref name="fullOutput"/>, on its file system, so the final rename is atomic.</summary>
    internal static string TemporaryPath(string fullOutput) =>
        Path.Combine(Path.GetDirectoryName(fullOutput)!, $".{Path.GetFileName(fullOutput)}.{Guid.NewGuid():N}.tmp");

    internal static BuildpackException WriteFailed(string outputPath, Exception ex)
    {
        var remedy = FileSystemErrors.IsOutOfSpace(ex)
            ? "Free space there, or write the droplet to another file system"
            : "Check that the folder is writable";
        return new BuildpackException(
            ErrorCodes.DropletWriteFailed,
            $"The droplet '{outputPath}' could not be written: {FileSystemErrors.Cause(ex, outputPath)}. {remedy}; an earlier droplet there is unchanged.",
            outputPath,
            CfExitCodes.Other,
            ex);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed class Packer(TarWriter tar, DateTimeOffset timestamp, Func<string, bool>? exclude, CancellationToken cancellationToken, Action<long, int>? progress)
    {
        private long _bytes;

        public int Count { get; private set; }

        public List<SkippedFile> Skipped { get; } = [];

        public void AddDirectory(DirectoryInfo directory, string relative)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Add(NewEntry(TarEntryType.Directory, relative.Length == 0 ? "./" : $"./{relative}/", directory.UnixFileMode));
            var children = directory.GetFileSystemInfos();
            Array.Sort(children, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            foreach (var child in children)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var childRelative = relative.Length == 0 ? child.Name : $"{relative}/{child.Name}";
                if (exclude?.Invoke(childRelative) == true)
                {
                    continue;
                }

                if (child.LinkTarget is { } target)
                {
                    var link = NewEntry(TarEntryType.SymbolicLink, "./" + childRelative, (UnixFileMode)0b111_111_111);
                    link.LinkName = target;
                    Add(link);
                }
                else if (child is DirectoryInfo subdirectory)
                {
                    AddDirectory(subdirectory, childRelative);
                }
                else if (SpecialFile.Kind(child.FullName) is { } kind)
                {
                    Skipped.Add(new SkippedFile(childRelative, kind));
                }
                else
                {
                    AddFile((FileInfo)child, childRelative);
                }
            }
        }

        private void AddFile(FileInfo file, string relative)
        {
            var entry = NewEntry(TarEntryType.RegularFile, "./" + relative, file.UnixFileMode);
            using var data = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            entry.DataStream = data;
            Add(entry);
            _bytes += data.Length;
            progress?.Invoke(_bytes, Count);
        }

        private GnuTarEntry NewEntry(TarEntryType type, string name, UnixFileMode mode) => new(type, name)
        {
            Mode = mode,
            ModificationTime = timestamp,
            AccessTime = timestamp,
            ChangeTime = timestamp,
            Uid = 0,
            Gid = 0,
            UserName = "",
            GroupName = "",
        };

        private void Add(TarEntry entry)
        {
            tar.WriteEntry(entry);
            Count++;
        }
    }
}
