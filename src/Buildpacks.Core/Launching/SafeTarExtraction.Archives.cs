using System.IO.Compression;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;

namespace Buildpacks.Core.Launching;

/// <summary>The same safe extraction for buildpack archives: plain tars too, and errors that name the buildpack.</summary>
internal sealed partial class SafeTarExtraction
{
    private readonly bool _gzipped = true;
    private readonly Func<string, string, BuildpackException>? _unsafeEntry;

    /// <summary>
    /// Extracts <paramref name="archive"/> (gzipped or not) into <paramref name="root"/>; an unsafe entry raises
    /// the error <paramref name="unsafeEntry"/> makes of the entry's name and the reason.
    /// </summary>
    public SafeTarExtraction(string archive, string root, ExtractionLimits limits, bool gzipped, Func<string, string, BuildpackException> unsafeEntry)
        : this(archive, root, limits)
    {
        _gzipped = gzipped;
        _unsafeEntry = unsafeEntry;
    }

    private Stream Decompressed(Stream stream) => _gzipped ? new GZipStream(stream, CompressionMode.Decompress) : stream;
}
