using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Tests.Support;

/// <summary>A log that shows progress: keeps every progress call, and nothing else.</summary>
public sealed class ProgressLog : IStagingLog, IStagingProgress
{
    private readonly List<(string Step, long Bytes, long? Total, int Files)> _calls = [];

    public IReadOnlyList<(string Step, long Bytes, long? Total, int Files)> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public void Progress(string step, long bytes, long? totalBytes, int files)
    {
        lock (_calls)
        {
            _calls.Add((step, bytes, totalBytes, files));
        }
    }

    public void PhaseStarted(StagingPhase phase, string buildpack)
    {
    }

    public void PhaseFinished(StagingPhase phase, string buildpack, TimeSpan duration)
    {
    }

    public void Output(string line, bool isStandardError)
    {
    }

    public void Info(string message)
    {
    }

    public void Warning(BuildpackDiagnostic diagnostic)
    {
    }
}
