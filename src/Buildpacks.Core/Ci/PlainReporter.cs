using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Ci;

/// <summary>A terminal or any CI system without a log language of its own: <c>-----&gt;</c> headers, MSBuild-style diagnostics.</summary>
internal sealed class PlainReporter(TextWriter output, TextWriter error) : CiReporter(output, error)
{
    public override void BeginGroup(string title) => Out.WriteLine("-----> " + title);

    // Plain text has no groups to close; the header line was the whole group marker.
    public override void EndGroup()
    {
    }

    public override void PhaseFinished(StagingPhase phase, string buildpack, TimeSpan duration) =>
        Out.WriteLine($"-----> {phase.Title(buildpack)} took {Seconds(duration)}");

    public override void Warning(BuildpackDiagnostic diagnostic) =>
        Err.WriteLine($"{Prefix(diagnostic.File)}warning {diagnostic.Code}: {diagnostic.Message}");

    public override void Error(string code, string message, string? file) =>
        Err.WriteLine($"{Prefix(file)}error {code}: {message}");

    private static string Prefix(string? file) => string.IsNullOrEmpty(file) ? "" : file + ": ";
}
