using Microsoft.Build.Execution;
using Microsoft.Build.Framework;

namespace Buildpacks.Tasks.Tests.Support;

/// <summary>What an in-process build did: its result, final project state and every logged event.</summary>
public sealed record BuildOutcome(BuildResult Result, IReadOnlyList<BuildEventArgs> Events)
{
    public bool Succeeded => Result.OverallResult == BuildResultCode.Success;

    public ProjectInstance State => Result.ProjectStateAfterBuild;

    public IReadOnlyList<BuildErrorEventArgs> Errors => [.. Events.OfType<BuildErrorEventArgs>()];

    public IReadOnlyList<BuildMessageEventArgs> Messages => [.. Events.OfType<BuildMessageEventArgs>()];

    /// <summary>Whether MSBuild skipped the target because its outputs were up to date.</summary>
    public bool SkippedAsUpToDate(string target) =>
        Events.OfType<TargetSkippedEventArgs>().Any(e => e.TargetName == target && e.SkipReason == TargetSkipReason.OutputsUpToDate);

    /// <summary>Whether the task ran (a target skipped as up to date runs none of its tasks).</summary>
    public bool RanTask(string task) =>
        Events.OfType<TaskStartedEventArgs>().Any(e => e.TaskName == task);

    public string Log => string.Join("\n", Events.Select(e => e.Message));
}
