namespace Buildpacks.Core.Diagnostics;

/// <summary>The names logs show for a <see cref="StagingPhase"/>.</summary>
internal static class StagingPhaseNames
{
    /// <summary>The lower-case name (<c>detect</c>, <c>supply</c>, ..., <c>pack</c>); for script phases, the script's name in <c>bin/</c>.</summary>
    public static string Name(this StagingPhase phase) => phase switch
    {
        StagingPhase.Detect => "detect",
        StagingPhase.Supply => "supply",
        StagingPhase.Finalize => "finalize",
        StagingPhase.Compile => "compile",
        StagingPhase.Release => "release",
        StagingPhase.Pack => "pack",
        StagingPhase.PreStaging => "pre-staging",
        StagingPhase.PostStaging => "post-staging",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "Not a staging phase."),
    };

    /// <summary>How logs title a phase: <c>compile (dotnet)</c>, or just <c>pack</c> for an engine phase.</summary>
    public static string Title(this StagingPhase phase, string buildpack) =>
        buildpack.Length == 0 ? phase.Name() : $"{phase.Name()} ({buildpack})";
}
