namespace Buildpacks.Core.Diagnostics;

/// <summary>Codes of buildpacks fetched from git and archive URLs, and of the buildpack cache (BPK1140-BPK1159).</summary>
internal static partial class ErrorCodes
{
    /// <summary>A git command (clone, fetch, ls-remote) failed: the repository is unreachable or refused the credentials.</summary>
    public const string GitFetchFailed = "BPK1140";
    /// <summary>The branch, tag or commit after <c>#</c> does not exist in the repository.</summary>
    public const string GitRefNotFound = "BPK1141";
    /// <summary>The <c>git</c> program is not installed or cannot be started.</summary>
    public const string GitNotInstalled = "BPK1142";
    /// <summary>An archive URL answered with an error status, or the download failed after its retries.</summary>
    public const string ArchiveDownloadFailed = "BPK1143";
    /// <summary>An archive URL asked for credentials (401/403) the URL did not hold or that were refused.</summary>
    public const string ArchiveUnauthorized = "BPK1144";
    /// <summary>A downloaded archive is truncated or not a tarball or zip.</summary>
    public const string ArchiveInvalid = "BPK1145";
    /// <summary>An archive entry would land outside the buildpack directory: <c>..</c>, an absolute name, an escaping link, a hard link, a device.</summary>
    public const string UnsafeArchiveEntry = "BPK1146";
    /// <summary>An archive holds more entries or more bytes than the configured bounds.</summary>
    public const string ArchiveTooLarge = "BPK1147";
    /// <summary>Offline, and the buildpack is not in the buildpack cache.</summary>
    public const string OfflineCacheMiss = "BPK1148";
    /// <summary>The buildpack cache directory cannot be created or written.</summary>
    public const string BuildpackCacheFailed = "BPK1149";
    /// <summary>Warning: a zip without file modes; <c>bin/*</c> was made executable.</summary>
    public const string ZipWithoutModes = "BPK1150";
    /// <summary>A fetched buildpack has no <c>bin/</c> directory at its top (or below its single top-level folder).</summary>
    public const string FetchedBuildpackInvalid = "BPK1151";
}
