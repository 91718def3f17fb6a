using System.Globalization;
using Buildpacks.Core.Diagnostics;
using Cake.Core.Diagnostics;

namespace Cake.Buildpacks;

/// <summary>
/// Shows the engine's log in Cake's log, in the layout of the <c>buildpacks</c> command: buildpack output
/// line by line as it arrives, phases as <c>-----&gt;</c> headers, warnings as Cake warnings with their code.
/// </summary>
internal sealed class CakeStagingLog(ICakeLog log) : IStagingLog
{
    public void PhaseStarted(StagingPhase phase, string buildpack) =>
        Write(Verbosity.Normal, LogLevel.Information, "-----> " + phase.Title(buildpack));

    public void PhaseFinished(StagingPhase phase, string buildpack, TimeSpan duration) =>
        Write(Verbosity.Verbose, LogLevel.Information, $"-----> {phase.Title(buildpack)} took {duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}s");

    // Buildpacks write progress to stderr as often as to stdout: both are the build log, not errors.
    public void Output(string line, bool isStandardError) =>
        Write(Verbosity.Normal, LogLevel.Information, "       " + line);

    public void Info(string message) => Write(Verbosity.Normal, LogLevel.Information, "-----> " + message);

    public void Warning(BuildpackDiagnostic diagnostic)
    {
        var where = string.IsNullOrEmpty(diagnostic.File) ? "" : diagnostic.File + ": ";
        Write(Verbosity.Minimal, LogLevel.Warning, $"{where}warning {diagnostic.Code}: {diagnostic.Message}");
    }

    // ICakeLog takes a composite format string: a line is an argument, never the format, so its braces print as they are.
    private void Write(Verbosity verbosity, LogLevel level, string text) => log.Write(verbosity, level, "{0}", text);
}
