using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Ci;

/// <summary>
/// A terminal or any CI system without a log language of its own: <c>-----&gt;</c> headers, MSBuild-style
/// diagnostics. Colours only a stream that is a terminal, and never when <c>NO_COLOR</c> is set.
/// </summary>
internal sealed class PlainReporter(TextWriter output, TextWriter error, bool colourOutput = false, bool colourError = false) : CiReporter(output, error)
{
    private const string Arrow = "----->";
    private const string Bold = "\e[1m";
    private const string Red = "\e[31m";
    private const string Yellow = "\e[33m";
    private const string Reset = "\e[0m";

    /// <summary>Whether a stream gets colours: it is a terminal, <c>NO_COLOR</c> is unset or empty (no-color.org), and <c>TERM</c> is not <c>dumb</c>.</summary>
    public static bool UsesColour(bool isTerminal, Func<string, string?> environment) =>
        isTerminal && string.IsNullOrEmpty(environment("NO_COLOR")) && environment("TERM") != "dumb";

    public override void BeginGroup(string title) => Line($"{Arrow} {title}");

    // Plain text has no groups to close; the header line was the whole group marker.
    public override void EndGroup()
    {
    }

    public override void PhaseFinished(StagingPhase phase, string buildpack, TimeSpan duration) =>
        Line($"{Arrow} {phase.Title(buildpack)} took {Seconds(duration)}");

    public override void Warning(BuildpackDiagnostic diagnostic) =>
        Err.WriteLine(Paint(colourError, Yellow, $"{Prefix(diagnostic.File)}warning {diagnostic.Code}: {diagnostic.Message}"));

    public override void Error(string code, string message, string? file) =>
        Err.WriteLine(Paint(colourError, Red, $"{Prefix(file)}error {code}: {message}"));

    protected override void Line(string text) =>
        Out.WriteLine(colourOutput && text.StartsWith(Arrow, StringComparison.Ordinal) ? Bold + text + Reset : text);

    private static string Paint(bool colour, string colourCode, string text) => colour ? colourCode + text + Reset : text;

    private static string Prefix(string? file) => string.IsNullOrEmpty(file) ? "" : file + ": ";
}
