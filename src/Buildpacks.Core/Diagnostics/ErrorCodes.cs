namespace Buildpacks.Core.Diagnostics;

/// <summary>
/// Every diagnostic the engine can raise. Codes never change meaning once shipped; the README lists them.
/// </summary>
internal static partial class ErrorCodes
{
    /// <summary>The application directory does not exist.</summary>
    public const string AppDirectoryNotFound = "BPK1001";
    /// <summary>A buildpack reference does not point at a usable buildpack.</summary>
    public const string BuildpackNotFound = "BPK1002";
    /// <summary>A buildpack lacks a script the contract requires (bin/compile, bin/detect).</summary>
    public const string BuildpackScriptMissing = "BPK1003";
    /// <summary>A buildpack script lacks the executable bit.</summary>
    public const string ScriptNotExecutable = "BPK1004";
    /// <summary>A buildpack script has Windows (CRLF) line endings.</summary>
    public const string ScriptHasCrlf = "BPK1005";
    /// <summary>A buildpack reference names a source kind the engine cannot fetch.</summary>
    public const string BuildpackSourceUnsupported = "BPK1006";
    /// <summary>The request itself is incomplete or contradictory.</summary>
    public const string InvalidRequest = "BPK1007";
    /// <summary>An environment variable name is not a valid shell identifier.</summary>
    public const string InvalidVariableName = "BPK1010";
    /// <summary>An env file could not be read.</summary>
    public const string InvalidEnvFile = "BPK1011";
    /// <summary>No candidate buildpack detected the app (CF exit code 222).</summary>
    public const string NoneDetected = "BPK1020";
    /// <summary>bin/compile or bin/finalize failed (CF exit code 223).</summary>
    public const string CompileFailed = "BPK1021";
    /// <summary>bin/supply failed (CF exit code 225).</summary>
    public const string SupplyFailed = "BPK1022";
    /// <summary>A non-final buildpack has no bin/supply (CF exit code 225).</summary>
    public const string SupplyMissing = "BPK1023";
    /// <summary>bin/release failed (CF exit code 224).</summary>
    public const string ReleaseFailed = "BPK1024";
    /// <summary>bin/release printed something that is not a YAML map (CF exit code 224).</summary>
    public const string ReleaseInvalid = "BPK1025";
    /// <summary>The app's Procfile cannot be read.</summary>
    public const string InvalidProcfile = "BPK1030";
    /// <summary>A buildpack's config.yml or launch.yml cannot be read.</summary>
    public const string InvalidBuildpackMetadata = "BPK1031";
    /// <summary>Staging took longer than the timeout.</summary>
    public const string Timeout = "BPK1040";
    /// <summary>The caller cancelled staging (Ctrl+C); doors report it with this code.</summary>
    public const string Cancelled = "BPK1041";
    /// <summary>The droplet could not be written.</summary>
    public const string DropletWriteFailed = "BPK1050";
    /// <summary>A file given as a droplet is missing or not a droplet.</summary>
    public const string InvalidDroplet = "BPK1060";
    /// <summary>Another staging holds the cache directory.</summary>
    public const string CacheLocked = "BPK1070";
    /// <summary>The cache directory is, holds or lies inside something else the staging reads or writes.</summary>
    public const string CacheOverlaps = "BPK1071";
    /// <summary>The droplet or result path cannot be written (a directory, a device, under a file, read-only, the same file twice).</summary>
    public const string OutputPathUnusable = "BPK1072";
    /// <summary>The cache directory cannot be used: it is a file, cannot be created, read or copied, or its file system is full.</summary>
    public const string CacheUnusable = "BPK1073";
    /// <summary>A file or directory of the app or of a local buildpack cannot be read.</summary>
    public const string InputUnreadable = "BPK1074";
    /// <summary>The staging's workspace in the temporary directory (TMPDIR) cannot be written.</summary>
    public const string WorkspaceUnwritable = "BPK1075";
    /// <summary>An environment variable is too large to give to a process.</summary>
    public const string VariableTooLarge = "BPK1076";
    /// <summary>A file operation failed where no step expected it; the message names the file and the cause.</summary>
    public const string FileSystemFailed = "BPK1078";

    /// <summary>The host that runs buildpack scripts cannot run them now (no bash; later: no container engine).</summary>
    public const string HostUnavailable = "BPK1110";
    /// <summary>A failure the engine did not expect: a bug. The message carries the original's type and message.</summary>
    public const string InternalError = "BPK1119";

    /// <summary>Warning: no <c>web</c> process type; the app will not start without a command.</summary>
    public const string NoWebProcess = "BPK2001";
    /// <summary>Warning: the final buildpack has no bin/finalize and was run with bin/compile.</summary>
    public const string FinalWithoutFinalize = "BPK2002";
    /// <summary>Warning: a variable is written to the env dir but not exported to buildpack processes.</summary>
    public const string VariableNotExported = "BPK2003";
    /// <summary>An overlay mount was asked for the build directory or the cache, and this machine cannot make one.</summary>
    public const string OverlayUnavailable = "BPK1250";
}
