using System.IO.Compression;

namespace Buildpacks.Core.Droplets;

/// <summary>
/// A write-only gzip stream that compresses on several threads and still writes the same bytes whatever the
/// thread count: the input is cut at fixed offsets (every <see cref="BlockSize"/> bytes) and each block becomes a
/// complete gzip member of its own, written in order. Concatenated members are one valid gzip file (RFC 1952,
/// section 2.2), read as one stream by gzip, <c>tar -xzf</c> and .NET's <see cref="GZipStream"/>. Each block
/// starts a fresh dictionary, which costs a little size (well under 1% with 1 MiB blocks). While the blocks
/// already cut are compressed, the writer goes on filling the next one, so reading the input overlaps with
/// compressing it. At most a few blocks are held at once, so memory does not grow with the input.
/// </summary>
internal sealed class ParallelGzipStream : Stream
{
    /// <summary>Uncompressed bytes per gzip member. Part of the output format: changing it changes every droplet's bytes.</summary>
    public const int BlockSize = 1 << 20;

    // The OS field of each member's header (RFC 1952: 3 = Unix), fixed so the bytes do not depend on the host.
    private const byte OsUnix = 3;

    private readonly Stream _output;
    private readonly CompressionLevel _level;
    private readonly bool _leaveOpen;
    private readonly int _threads;
    private readonly Queue<Block> _pending = new();
    private readonly Stack<Block> _free = new();
    private int _allocated;
    private bool _anyMember;
    private Block? _current;
    private bool _disposed;

    /// <summary>Compresses into <paramref name="output"/>.</summary>
    /// <param name="output">Where the gzip members go, in order, from the thread that writes to this stream.</param>
    /// <param name="level">The compression level of every member.</param>
    /// <param name="leaveOpen">Whether <paramref name="output"/> stays open when this stream is disposed.</param>
    /// <param name="threads">Blocks compressed at once; by default one per processor. The output does not depend on it.</param>
    public ParallelGzipStream(Stream output, CompressionLevel level, bool leaveOpen = false, int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads ?? 1, 1, nameof(threads));
        _output = output;
        _level = level;
        _leaveOpen = leaveOpen;
        _threads = threads ?? Environment.ProcessorCount;
    }

    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => !_disposed;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (!buffer.IsEmpty)
        {
            _current ??= Rent();
            var taken = Math.Min(buffer.Length, BlockSize - _current.Length);
            buffer[..taken].CopyTo(_current.Input.AsSpan(_current.Length));
            _current.Length += taken;
            buffer = buffer[taken..];
            if (_current.Length == BlockSize)
            {
                Submit();
            }
        }
    }

    /// <inheritdoc/>
    public override void WriteByte(byte value) => Write([value]);

    /// <summary>
    /// Writes the blocks already compressed and flushes the output. A partly filled block stays open: ending it
    /// here would move the block boundaries, and with them the bytes; everything is written by <see cref="Stream.Dispose()"/>.
    /// </summary>
    public override void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        WriteFinished(wait: false);
        _output.Flush();
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Compresses what is left and writes every member; an empty input still gives one (empty) member.</summary>
    protected override void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            base.Dispose(disposing);
            return;
        }

        try
        {
            if (_current is { Length: > 0 } || !_anyMember)
            {
                _current ??= Rent();
                Submit();
            }

            WriteFinished(wait: true);
        }
        finally
        {
            // Even when a block failed, no compression may still run once the stream is gone.
            foreach (var block in _pending)
            {
                block.Compressing?.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
            }

            _disposed = true;
            if (!_leaveOpen)
            {
                _output.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private Block Rent()
    {
        if (_free.TryPop(out var block))
        {
            return block;
        }

        // One block per thread compressing, and one being filled: the oldest must be written before more are cut.
        if (_allocated <= _threads)
        {
            _allocated++;
            return new Block();
        }

        WriteOldest();
        return _free.Pop();
    }

    private void Submit()
    {
        var block = _current!;
        _current = null;
        _anyMember = true;
        if (_threads == 1)
        {
            block.Compress(_level);
        }
        else
        {
            var level = _level;
            block.Compressing = Task.Run(() => block.Compress(level));
        }

        _pending.Enqueue(block);
        WriteFinished(wait: false);
    }

    private void WriteFinished(bool wait)
    {
        while (_pending.TryPeek(out var oldest) && (wait || oldest.Compressing is null || oldest.Compressing.IsCompleted))
        {
            WriteOldest();
        }
    }

    private void WriteOldest()
    {
        var block = _pending.Dequeue();
        try
        {
            block.Compressing?.GetAwaiter().GetResult();
        }
        finally
        {
            block.Compressing = null;
        }

        _output.Write(block.Output.GetBuffer(), 0, (int)block.Output.Length);
        block.Length = 0;
        _free.Push(block);
    }

    /// <summary>One slice of the input and its gzip member; reused, so the buffers are allocated once per stream.</summary>
    private sealed class Block
    {
        public byte[] Input { get; } = new byte[BlockSize];

        public int Length { get; set; }

        public MemoryStream Output { get; } = new(BlockSize + (BlockSize / 64));

        public Task? Compressing { get; set; }

        public void Compress(CompressionLevel level)
        {
            Output.SetLength(0);
            using (var gzip = new GZipStream(Output, level, leaveOpen: true))
            {
                gzip.Write(Input, 0, Length);
            }

            Output.GetBuffer()[9] = OsUnix;
        }
    }
}
