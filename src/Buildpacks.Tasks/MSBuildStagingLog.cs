using System.Globalization;
using Buildpacks.Core.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Buildpacks.Tasks;

/// <summary>
/// The engine's log as MSBuild messages: a header per phase and every buildpack line at normal importance
/// (<c>-v:n</c> shows them, the default <c>-v:m</c> does not), durations at low importance, warnings with
/// their code and file. Writes go through a <see cref="LogPump"/> so they happen on the task's thread.
/// </summary>
internal sealed class MSBuildStagingLog(LogPump pump, TaskLoggingHelper log, string projectFile) : IStagingLog
{
    /// <summary>How many of the last output lines are kept to show with a failure.</summary>
    public const int TailLength = 40;

    private readonly Queue<string> _tail = new();

    /// <summary>The last buildpack output lines, oldest first.</summary>
    public IReadOnlyList<string> Tail
    {
        get
        {
            lock (_tail)
            {
                return [.. _tail];
            }
        }
    }

    public void PhaseStarted(StagingPhase phase, string buildpack) =>
        pump.Post(() => log.LogMessage(MessageImportance.Normal, buildpack.Length == 0 ? $"==> {phase.Name()}" : $"==> {phase.Name()}: {buildpack}"));

    public void PhaseFinished(StagingPhase phase, string buildpack, TimeSpan duration) =>
        pump.Post(() => log.LogMessage(
            MessageImportance.Low,
            string.Create(CultureInfo.InvariantCulture, $"<== {phase.Name()}{(buildpack.Length == 0 ? "" : ": " + buildpack)} ({duration.TotalSeconds:0.0}s)")));

    public void Output(string line, bool isStandardError)
    {
        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > TailLength)
            {
                _tail.Dequeue();
            }
        }

        pump.Post(() => log.LogMessage(MessageImportance.Normal, "{0}", line));
    }

    public void Info(string message) => pump.Post(() => log.LogMessage(MessageImportance.Normal, "{0}", message));

    public void Warning(BuildpackDiagnostic diagnostic) =>
        pump.Post(() => BuildpackStagingTask.LogDiagnostic(log, diagnostic.Code, diagnostic.Message, diagnostic.File, projectFile, isError: false));
}
