namespace Buildpacks.Core.Diagnostics;

/// <summary>A log that drops everything.</summary>
internal sealed class NullStagingLog : IStagingLog
{
    /// <summary>The single instance.</summary>
    public static NullStagingLog Instance { get; } = new();

    private NullStagingLog()
    {
    }

    /// <inheritdoc />
    public void PhaseStarted(StagingPhase phase, string buildpack)
    {
    }

    /// <inheritdoc />
    public void PhaseFinished(StagingPhase phase, string buildpack, TimeSpan duration)
    {
    }

    /// <inheritdoc />
    public void Output(string line, bool isStandardError)
    {
    }

    /// <inheritdoc />
    public void Info(string message)
    {
    }

    /// <inheritdoc />
    public void Warning(BuildpackDiagnostic diagnostic)
    {
    }
}
