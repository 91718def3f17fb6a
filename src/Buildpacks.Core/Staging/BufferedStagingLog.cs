using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Staging;

/// <summary>
/// Keeps what one of several concurrent steps logs, so the caller can show it later, in the order a one-by-one run
/// would have shown it, or drop it when the step turned out not to matter.
/// </summary>
internal sealed class BufferedStagingLog : IStagingLog
{
    private readonly List<Action<IStagingLog>> _calls = [];

    public void PhaseStarted(StagingPhase phase, string buildpack) => Keep(log => log.PhaseStarted(phase, buildpack));

    public void PhaseFinished(StagingPhase phase, string buildpack, TimeSpan duration) => Keep(log => log.PhaseFinished(phase, buildpack, duration));

    public void Output(string line, bool isStandardError) => Keep(log => log.Output(line, isStandardError));

    public void Info(string message) => Keep(log => log.Info(message));

    public void Warning(BuildpackDiagnostic diagnostic) => Keep(log => log.Warning(diagnostic));

    /// <summary>Passes everything kept so far to <paramref name="log"/>, in the order it came, and forgets it.</summary>
    public void FlushTo(IStagingLog log)
    {
        Action<IStagingLog>[] calls;
        lock (_calls)
        {
            calls = [.. _calls];
            _calls.Clear();
        }

        foreach (var call in calls)
        {
            call(log);
        }
    }

    private void Keep(Action<IStagingLog> call)
    {
        lock (_calls)
        {
            _calls.Add(call);
        }
    }
}
