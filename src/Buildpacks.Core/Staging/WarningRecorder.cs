using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Staging;

/// <summary>Passes everything to the caller's log (progress too, when it shows progress) and keeps the warnings for the result.</summary>
internal sealed class WarningRecorder(IStagingLog inner, List<BuildpackDiagnostic> warnings) : IStagingLog, IStagingProgress, IStagingDetail
{
    public void PhaseStarted(StagingPhase phase, string buildpack) => inner.PhaseStarted(phase, buildpack);

    public void PhaseFinished(StagingPhase phase, string buildpack, TimeSpan duration) => inner.PhaseFinished(phase, buildpack, duration);

    public void Output(string line, bool isStandardError) => inner.Output(line, isStandardError);

    public void Info(string message) => inner.Info(message);

    public void Warning(BuildpackDiagnostic diagnostic)
    {
        lock (warnings)
        {
            warnings.Add(diagnostic);
        }

        inner.Warning(diagnostic);
    }

    public void Detail(string message) => (inner as IStagingDetail)?.Detail(message);

    public void Progress(string step, long bytes, long? totalBytes, int files) =>
        (inner as IStagingProgress)?.Progress(step, bytes, totalBytes, files);
}
