namespace Buildpacks.Core.Packaging;

/// <summary>What to package and how.</summary>
public sealed record PackageOptions
{
    /// <summary>The buildpack directory, holding manifest.yml.</summary>
    public required string BuildpackDirectory { get; init; }

    /// <summary>Include the dependencies in the zip.</summary>
    public bool Cached { get; init; }

    /// <summary>The stack to package for; null with <see cref="AnyStack"/> or when the manifest names none.</summary>
    public string? Stack { get; init; }

    /// <summary>Package the dependencies of every stack.</summary>
    public bool AnyStack { get; init; }

    /// <summary>The zip to write; null for the packager's default name inside the buildpack directory.</summary>
    public string? Output { get; init; }

    /// <summary>Download again even when the download cache has the file.</summary>
    public bool ForceDownload { get; init; }

    /// <summary>A manifest to use instead of the buildpack's own manifest.yml.</summary>
    public string? Manifest { get; init; }

    /// <summary>The download cache directory; null for ~/.buildpack-packager/cache.</summary>
    public string? DownloadCache { get; init; }

    /// <summary>The zip entries' time; null for 1980-01-01; doors pass <see cref="BuildpackPackager.TimestampFrom"/> of SOURCE_DATE_EPOCH.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>How many times a dependency download is tried when it fails transiently (refused, reset, 5xx, 408, 429, timeout, cut short). Default: 3.</summary>
    public int DownloadAttempts { get; init; } = 3;

    /// <summary>The pause before the second attempt; it doubles for each further one. Default: one second.</summary>
    public TimeSpan DownloadRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one download attempt may take, headers and body. Default: 10 minutes.</summary>
    public TimeSpan DownloadTimeout { get; init; } = TimeSpan.FromMinutes(10);
}
