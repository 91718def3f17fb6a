namespace Buildpacks.Core.Sources;

/// <summary>How archive buildpacks are downloaded and how large they may be.</summary>
internal sealed record ArchiveSourceOptions
{
    /// <summary>How long one download attempt may take, headers and body. Default: 5 minutes.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How many times a download is tried when it fails transiently (5xx, 408, 429, timeout, connection refused, cut short). Default: 3.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The pause before the second attempt; it doubles for each further one. Default: half a second.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The most bytes an archive may download, and its files may hold once extracted. Default: 2 GiB.</summary>
    public long MaxBytes { get; init; } = 2L << 30;

    /// <summary>The most entries an archive may hold. Default: 200,000.</summary>
    public int MaxEntries { get; init; } = 200_000;
}
