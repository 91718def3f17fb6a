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

    // BPK3003-BPK3008 (no buildpack, missing publish folder, invalid layout, Procfile mode, timeout or process
    // type) are retired: the engine's request builder reports them for every door (BPK1080-BPK1084, BPK1001).

    /// <summary>The inputs file or the droplet record in <c>obj/</c> could not be written or read.</summary>
    public const string IntermediateFileFailed = "BPK3009";

    /// <summary>The <c>PackageBuildpack</c> target ran without <c>BuildpackDirectory</c>.</summary>
    public const string PackageDirectoryMissing = "BPK3020";

    /// <summary>
    /// Staging was cancelled (Ctrl+C). The engine's code for it, shared with the CLI, which exits 130.
    /// </summary>
    public const string Cancelled = "BPK1041";
}
