namespace Buildpacks.Core.Launching;

/// <summary>A script a launch runs, in the order the launch runs it.</summary>
/// <param name="Kind">exec.d program or profile script.</param>
/// <param name="Path">Its path inside the droplet, '/'-separated, e.g. <c>deps/0/exec.d/web/helper</c>.</param>
/// <param name="ProcessType">The only process type it runs for; null when it runs for every type.</param>
public sealed record LaunchScript(LaunchScriptKind Kind, string Path, string? ProcessType)
{
    /// <summary>Whether a launch of <paramref name="processType"/> runs it.</summary>
    public bool AppliesTo(string processType) => ProcessType is null || ProcessType == processType;
}
