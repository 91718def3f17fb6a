namespace Buildpacks.Core.Files;

/// <summary>
/// How far an archive may expand when it is extracted: a gzipped tar of zeros grows about a thousandfold, so an
/// archive of a few megabytes could otherwise fill the disk. Exceeding a limit stops the extraction and removes
/// what was written.
/// </summary>
internal sealed record ExtractionLimits
{
    /// <summary>
    /// 8 GiB: above anything a platform lets a droplet be (a Heroku slug is at most 500 MB compressed, a Cloud
    /// Foundry app's whole disk defaults to at most 2 GiB), so no real droplet stops here, yet a bomb stops before it
    /// fills a CI runner's disk (a GitHub-hosted runner has about 14 GB free).
    /// </summary>
    public const long DefaultMaxBytes = 8L * 1024 * 1024 * 1024;

    /// <summary>
    /// 1,000,000 entries: five times a very large <c>node_modules</c>, while bounding the time (about a millisecond a
    /// file on slow disks) and the memory (the extraction remembers every name) an archive of empty files can take.
    /// </summary>
    public const int DefaultMaxEntries = 1_000_000;

    /// <summary>The defaults: <see cref="DefaultMaxBytes"/> and <see cref="DefaultMaxEntries"/>.</summary>
    public static ExtractionLimits Default { get; } = new();

    /// <summary>The most bytes the archive's files may hold together once extracted (hard links count as copies).</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>The most entries (files, directories, links) the archive may hold.</summary>
    public int MaxEntries { get; init; } = DefaultMaxEntries;
}
