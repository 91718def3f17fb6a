using System.Formats.Tar;
using System.IO.Compression;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Droplets;

/// <summary>
/// Packs a directory into a gzipped tar that depends only on the files: entries sorted by ordinal name,
/// one fixed time stamp, owner 0:0, modes and symlinks kept. File contents are streamed, so memory does not
/// grow with the app. The archive is written beside the output and renamed into place, so a failure never
/// leaves a partial droplet and an earlier droplet stays intact until the new one is complete.
/// </summary>
public static class DropletWriter
{
    /// <summary>The time stamp used when neither the request nor SOURCE_DATE_EPOCH gives one.</summary>
    public static readonly DateTimeOffset DefaultTimestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Packs <paramref name="root"/> into <paramref name="outputPath"/>.</summary>
    /// <param name="root">The directory whose contents become the archive's <c>./</c>.</param>
    /// <param name="outputPath">The droplet to write.</param>
    /// <param name="timestamp">The modification time of every entry.</param>
    /// <param name="exclude">Relative paths (with '/' separators) to leave out, with everything below them.</param>
    /// <param name="cancellationToken">Stops packing; the temporary file is removed.</param>
    public static PackedDroplet Write(
        string root,
        string outputPath,
        DateTimeOffset timestamp,
        Func<string, bool>? exclude = null,
        CancellationToken cancellationToken = default)
    {
        var fullOutput = Path.GetFullPath(outputPath);
        var directory = Path.GetDirectoryName(fullOutput)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullOutput)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            string sha;
            long size;
            int count;
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var hashing = new HashingStream(file))
            {
                using (var gzip = new ParallelGzipStream(hashing, CompressionLevel.Optimal, leaveOpen: true))
                using (var tar = new TarWriter(gzip, TarEntryFormat.Gnu, leaveOpen: true))
                {
                    var packer = new Packer(tar, timestamp, exclude, cancellationToken);
                    packer.AddDirectory(new DirectoryInfo(root), "");
                    count = packer.Count;
                }

                sha = hashing.HashHex();
                size = hashing.BytesWritten;
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullOutput, overwrite: true);
            return new PackedDroplet(fullOutput, sha, size, count);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new BuildpackException(
                ErrorCodes.DropletWriteFailed,
                $"The droplet '{fullOutput}' could not be written: {ex.Message}. Check that the folder is writable and the disk has room.",
                fullOutput,
                CfExitCodes.Other,
                ex);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
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

    private sealed class Packer(TarWriter tar, DateTimeOffset timestamp, Func<string, bool>? exclude, CancellationToken cancellationToken)
    {
        public int Count { get; private set; }

        public void AddDirectory(DirectoryInfo directory, string relative)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Add(NewEntry(TarEntryType.Directory, relative.Length == 0 ? "./" : $"./{relative}/", directory.UnixFileMode));
            var children = directory.GetFileSystemInfos();
            Array.Sort(children, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            foreach (var child in children)
            {
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
