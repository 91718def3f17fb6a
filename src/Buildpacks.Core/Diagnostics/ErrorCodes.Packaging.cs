namespace Buildpacks.Core.Diagnostics;

/// <summary>Codes of packaging a buildpack into a zip, cached or not (BPK1400-BPK1439).</summary>
internal static partial class ErrorCodes
{
    /// <summary>The buildpack directory has no manifest.yml, or the manifest is not valid YAML.</summary>
    public const string PackagerManifestInvalid = "BPK1400";
    /// <summary>A manifest field the packager needs is missing (language, a dependency's name, version or uri).</summary>
    public const string PackagerFieldMissing = "BPK1401";
    /// <summary>A dependency has more than one <c>default_versions</c> entry.</summary>
    public const string DefaultVersionTwice = "BPK1402";
    /// <summary>A <c>default_versions</c> entry names a version no dependency of that name has (for the stack).</summary>
    public const string DefaultVersionMissing = "BPK1403";
    /// <summary>A dependency has neither <c>sha256</c> nor <c>md5</c>.</summary>
    public const string DependencyChecksumMissing = "BPK1404";
    /// <summary>A downloaded dependency does not match its checksum.</summary>
    public const string DependencyChecksumMismatch = "BPK1405";
    /// <summary>A dependency could not be downloaded (an error status such as 404, or no answer).</summary>
    public const string DependencyDownloadFailed = "BPK1406";
    /// <summary>The <c>pre_package</c> command failed.</summary>
    public const string PrePackageFailed = "BPK1407";
    /// <summary>A file named by <c>include_files</c> does not exist.</summary>
    public const string IncludedFileMissing = "BPK1408";
    /// <summary>The manifest has no default version for the dependency asked about.</summary>
    public const string NoDefaultVersion = "BPK1409";
    /// <summary>The buildpack directory has no VERSION file to name the zip after.</summary>
    public const string VersionFileMissing = "BPK1410";
    /// <summary>Packaging options that exclude each other were given together (--stack and --any-stack).</summary>
    public const string PackageOptionsConflict = "BPK1411";
    /// <summary>A local buildpack archive (a path ending in .zip, .tgz, .tar.gz or .tar) does not exist.</summary>
    public const string LocalArchiveNotFound = "BPK1412";
    /// <summary>Warning: a dependency's deprecation date has passed.</summary>
    public const string DependencyDeprecated = "BPK1420";
}
