namespace Buildpacks.Core.Launching;

/// <summary>
/// Where a launch reports. Each door maps these calls to its own logger; the engine never writes to the console.
/// Calls may come from several threads but never overlap.
/// </summary>
internal interface ILaunchLog
{
    /// <summary>A progress message of the launcher itself (extraction, each exec.d program, the command started).</summary>
    void Info(string message);

    /// <summary>One line an exec.d program or the process printed, as it arrives.</summary>
    void Output(string line, bool isStandardError);
}
