using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Tests.Support;

/// <summary>Keeps everything the engine logged, in order, as text lines.</summary>
public sealed class RecordingLog : IStagingLog, IStagingDetail
{
    private readonly List<string> _lines = [];
    private readonly List<BuildpackDiagnostic> _warnings = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public IReadOnlyList<BuildpackDiagnostic> Warnings => _warnings;

    public Action<string>? OnOutput { get; set; }

    public void PhaseStarted(StagingPhase phase, string buildpack) => Add($"start {phase.Name()} {buildpack}");

    public void PhaseFinished(StagingPhase phase, string buildpack, TimeSpan duration) => Add($"end {phase.Name()} {buildpack}");

    public void Output(string line, bool isStandardError)
    {
        Add((isStandardError ? "err: " : "out: ") + line);
        OnOutput?.Invoke(line);
    }

    public void Info(string message) => Add("info: " + message);

    public void Detail(string message) => Add("detail: " + message);

    public void Warning(BuildpackDiagnostic diagnostic)
    {
        _warnings.Add(diagnostic);
        Add($"warning {diagnostic.Code}: {diagnostic.Message}");
    }

    private void Add(string line)
    {
        lock (_lines)
        {
            _lines.Add(line);
        }
    }
}
