namespace Buildpacks.Tasks;

/// <summary>
/// Diagnostics of the MSBuild door (BPK3000-BPK3099). The engine's own codes (BPK1xxx, BPK2xxx) pass
/// through unchanged. Codes never change meaning once shipped; the README lists them.
/// </summary>
public static class TaskErrorCodes
{
    /// <summary>MSBuild on .NET Framework older than 18 cannot run the .NET tasks: use <c>dotnet publish</c>.</summary>
    public const string FullFrameworkMSBuild = "BPK3001";

    /// <summary>MSBuild on .NET older than 18 (an SDK older than .NET 10) cannot load the tasks.</summary>
    public const string SdkTooOld = "BPK3002";

    /// <summary>Neither <c>Buildpack</c> nor <c>BuildpackCandidates</c> is set.</summary>
    public const string NoBuildpack = "BPK3003";

    /// <summary>The publish folder to stage does not exist.</summary>
    public const string PublishDirectoryMissing = "BPK3004";

    /// <summary><c>BuildpackLayout</c> is neither <c>cf</c> nor <c>heroku</c>.</summary>
    public const string InvalidLayout = "BPK3005";

    /// <summary><c>BuildpackProcfileMode</c> is neither <c>merge</c> nor <c>replace</c>.</summary>
    public const string InvalidProcfileMode = "BPK3006";

    /// <summary><c>BuildpackTimeout</c> is not a positive duration.</summary>
    public const string InvalidTimeout = "BPK3007";

    /// <summary>A <c>BuildpackProcessType</c> item has no <c>Command</c>.</summary>
    public const string ProcessTypeWithoutCommand = "BPK3008";

    /// <summary>The inputs file or the droplet record in <c>obj/</c> could not be written or read.</summary>
    public const string IntermediateFileFailed = "BPK3009";

    /// <summary>
    /// Staging was cancelled (Ctrl+C). The engine's code for it, shared with the CLI, which exits 130.
    /// </summary>
    public const string Cancelled = "BPK1041";
}
