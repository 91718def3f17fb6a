using System.Diagnostics;
using System.IO.Compression;
using Buildpacks.Core.Droplets;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Droplets;

public sealed class ParallelGzipStreamTests : IDisposable
{
    private const int Block = ParallelGzipStream.BlockSize;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_bytes_do_not_depend_on_the_thread_count_or_the_run()
    {
        var input = MixedData((3 * Block) + 12345);

        // Written in pieces, as TarWriter writes: a boundary that followed the writes or the threads would show.
        var one = Compress(input, threads: 1, chunk: 65536);
        var two = Compress(input, threads: 2, chunk: 65536);
        var four = Compress(input, threads: 4, chunk: 65536);
        var again = Compress(input, threads: 4, chunk: 65536);

        Assert.Equal(one, two);
        Assert.Equal(one, four);
        Assert.Equal(one, again);
    }

    [Fact]
    public void The_bytes_do_not_depend_on_how_the_input_is_cut_into_writes()
    {
        var input = MixedData((2 * Block) + 777);

        var whole = Compress(input, threads: 2);
        var pieces = Compress(input, threads: 2, chunk: 4093);

        Assert.Equal(whole, pieces);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Block - 1)]
    [InlineData(Block)]
    [InlineData(Block + 1)]
    [InlineData((4 * Block) + 17)]
    public void Dotnet_gzip_reads_back_every_member(int length)
    {
        var input = MixedData(length);

        var compressed = Compress(input, threads: 2);

        Assert.Equal(input, Decompress(compressed));
    }

    [Fact]
    public void Each_block_is_a_gzip_member_of_its_own_with_a_fixed_header()
    {
        var compressed = Compress(MixedData((2 * Block) + 1), threads: 2);

        // Three members (two full blocks and one byte), each starting with the gzip magic, deflate, and OS = Unix.
        var starts = Enumerable.Range(0, compressed.Length - 10)
            .Where(i => compressed[i] == 0x1f && compressed[i + 1] == 0x8b && compressed[i + 2] == 8 && compressed[i + 3] == 0 && compressed[i + 9] == 3)
            .ToList();
        Assert.Equal(0, starts[0]);
        Assert.True(starts.Count >= 3, $"expected at least 3 members, found {starts.Count}");
    }

    [Fact]
    public void Gnu_gzip_reads_the_concatenated_members()
    {
        var input = MixedData((2 * Block) + 99);
        var path = _temp.Combine("data.gz");
        File.WriteAllBytes(path, Compress(input, threads: 2));

        var start = new ProcessStartInfo("gzip", ["-dc", path]) { RedirectStandardOutput = true };
        using var gzip = Process.Start(start)!;
        using var output = new MemoryStream();
        gzip.StandardOutput.BaseStream.CopyTo(output);
        gzip.WaitForExit();

        Assert.Equal(0, gzip.ExitCode);
        Assert.Equal(input, output.ToArray());
    }

    [Fact]
    public void A_droplet_of_files_larger_than_a_block_is_the_same_on_rerun_and_extracts_with_tar()
    {
        var app = _temp.CreateApp("app", ("small.txt", "hello"));
        var big = MixedData((3 * Block) + 5);
        File.WriteAllBytes(Path.Combine(app, "big.bin"), big);

        var first = DropletWriter.Write(app, _temp.Combine("first.tgz"), DropletWriter.DefaultTimestamp);
        var second = DropletWriter.Write(app, _temp.Combine("second.tgz"), DropletWriter.DefaultTimestamp);
        var extracted = Directory.CreateDirectory(_temp.Combine("extracted")).FullName;
        using var tar = Process.Start(new ProcessStartInfo("tar", ["-xzf", first.Path, "-C", extracted]))!;
        tar.WaitForExit();

        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(0, tar.ExitCode);
        Assert.Equal(big, File.ReadAllBytes(Path.Combine(extracted, "big.bin")));
        Assert.Equal("hello", File.ReadAllText(Path.Combine(extracted, "small.txt")));
    }

    [Fact]
    public void A_failing_output_surfaces_as_the_write_error_and_leaves_no_compression_running()
    {
        using var output = new FailingStream();
        var stream = new ParallelGzipStream(output, CompressionLevel.Optimal, leaveOpen: true, threads: 2);

        var error = Assert.Throws<IOException>(() =>
        {
            using (stream)
            {
                stream.Write(MixedData(5 * Block));
            }
        });

        Assert.Equal("disk full", error.Message);
        Assert.False(stream.CanWrite);
    }

    private static byte[] Compress(byte[] input, int threads, int? chunk = null)
    {
        using var output = new MemoryStream();
        using (var gzip = new ParallelGzipStream(output, CompressionLevel.Optimal, leaveOpen: true, threads: threads))
        {
            var size = chunk ?? Math.Max(1, input.Length);
            for (var offset = 0; offset < input.Length; offset += size)
            {
                gzip.Write(input, offset, Math.Min(size, input.Length - offset));
            }
        }

        return output.ToArray();
    }

    private static byte[] Decompress(byte[] compressed)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Half text that compresses, half random bytes that do not, as in an app's files.</summary>
    private static byte[] MixedData(int length)
    {
        var data = new byte[length];
        var random = new Random(7);
        for (var offset = 0; offset < length; offset += 8192)
        {
            var span = data.AsSpan(offset, Math.Min(8192, length - offset));
            if (offset / 8192 % 2 == 0)
            {
                random.NextBytes(span);
            }
            else
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = (byte)"the quick brown fox jumps over the lazy dog\n"[(offset + i) % 44];
                }
            }
        }

        return data;
    }

    private sealed class FailingStream : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("disk full");

        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("disk full");
    }
}
