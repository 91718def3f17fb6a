namespace Buildpacks.Core.Diagnostics;

/// <summary>Codes of <c>buildpacks run</c>: extracting a droplet and starting one of its processes (BPK5000-BPK5099).</summary>
internal static partial class ErrorCodes
{
    /// <summary>The launch request is incomplete or contradictory (bad port, bad process type name).</summary>
    public const string InvalidLaunchRequest = "BPK5000";
    /// <summary>A droplet entry would land outside the run directory: <c>..</c>, an absolute name, an escaping link, a device.</summary>
    public const string UnsafeDropletEntry = "BPK5001";
    /// <summary>The droplet could not be extracted into the run directory (disk full, not writable).</summary>
    public const string DropletExtractFailed = "BPK5002";
    /// <summary>The droplet has no command for the process type asked for.</summary>
    public const string ProcessTypeNotFound = "BPK5003";
    /// <summary>The launch was interrupted (Ctrl+C, SIGTERM) before the process started.</summary>
    public const string LaunchInterrupted = "BPK5004";
    /// <summary>An exec.d program exited with a non-zero code.</summary>
    public const string ExecDFailed = "BPK5010";
    /// <summary>An exec.d program wrote something to file descriptor 3 that is not TOML, or a key that is no variable name.</summary>
    public const string ExecDOutputInvalid = "BPK5011";
    /// <summary>An exec.d program wrote a value that is not a string.</summary>
    public const string ExecDValueNotString = "BPK5012";
    /// <summary>An exec.d program lacks the executable bit.</summary>
    public const string ExecDNotExecutable = "BPK5013";
    /// <summary>A CNB <c>layers/config/metadata.toml</c> in the droplet cannot be read.</summary>
    public const string InvalidLayersMetadata = "BPK5020";
}
