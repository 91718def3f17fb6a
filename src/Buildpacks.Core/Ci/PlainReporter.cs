using System.Diagnostics;
using System.Globalization;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Ci;

/// <summary>
/// A terminal or any CI system without a log language of its own: <c>-----&gt;</c> headers, MSBuild-style
/// diagnostics. Colours only a stream that is a terminal, and never when <c>NO_COLOR</c> is set. With
/// <c>liveProgress</c> (a terminal, not CI) a long step redraws one progress line in place, erased before the next line.
/// </summary>
internal sealed class PlainReporter(
    TextWriter output, TextWriter error, bool colourOutput = false, bool colourError = false, bool liveProgress = false, TimeSpan? drawInterval = null)
    : CiReporter(output, error), IStagingProgress
{
    // Often enough to look alive, rarely enough that drawing costs nothing next to packing.
    private readonly TimeSpan _drawInterval = drawInterval ?? TimeSpan.FromMilliseconds(200);
    private const string EraseLine = "\r\e[K";

    private readonly Stopwatch _sinceDraw = Stopwatch.StartNew();
    private bool _progressShown;

    private const string Arrow = "----->";
    private const string Bold = "\e[1m";
    private const string Red = "\e[31m";
    private const string Yellow = "\e[33m";
    private const string Reset = "\e[0m";

    /// <summary>Whether a stream gets colours: it is a terminal, <c>NO_COLOR</c> is unset or empty (no-color.org), and <c>TERM</c> is not <c>dumb</c>.</summary>
    public static bool UsesColour(bool isTerminal, Func<string, string?> environment) =>
        isTerminal && string.IsNullOrEmpty(environment("NO_COLOR")) && environment("TERM") != "dumb";

    /// <summary>
    /// Whether a live progress line is drawn: stdout is a terminal, <c>TERM</c> is not <c>dumb</c>, and no <c>CI</c>
    /// variable says a CI system (one that none of our reporters speaks) keeps the log, where <c>\r</c> redraws pile up.
    /// </summary>
    public static bool ShowsProgress(bool isTerminal, Func<string, string?> environment) =>
        isTerminal && string.IsNullOrEmpty(environment("CI")) && environment("TERM") != "dumb";

    public void Progress(string step, long bytes, long? totalBytes, int files)
    {
        if (!liveProgress || _sinceDraw.Elapsed < _drawInterval)
        {
            return;
        }

        var text = totalBytes is { } total
            ? $"{Indent}{step}: {Mebibytes(bytes)} of {Mebibytes(total)}"
            : $"{Indent}{step}: {Mebibytes(bytes)}";
        if (files > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", {files:N0} files");
        }

        Out.Write(EraseLine + text);
        Out.Flush();
        _progressShown = true;
        _sinceDraw.Restart();
    }

    public override void Output(string line, bool isStandardError)
    {
        ClearProgress();
        base.Output(line, isStandardError);
    }

    public override void BeginGroup(string title) => Line($"{Arrow} {title}");

    // Plain text has no groups to close; the header line was the whole group marker.
    public override void EndGroup()
    {
    }

    public override void PhaseFinished(StagingPhase phase, string buildpack, TimeSpan duration) =>
        Line($"{Arrow} {phase.Title(buildpack)} took {Seconds(duration)}");

    public override void Warning(BuildpackDiagnostic diagnostic)
    {
        ClearProgress();
        Err.WriteLine(Paint(colourError, Yellow, $"{Prefix(diagnostic.File)}warning {diagnostic.Code}: {diagnostic.Message}"));
    }

    public override void Error(string code, string message, string? file)
    {
        ClearProgress();
        Err.WriteLine(Paint(colourError, Red, $"{Prefix(file)}error {code}: {message}"));
    }

    protected override void Line(string text)
    {
        ClearProgress();
        Out.WriteLine(colourOutput && text.StartsWith(Arrow, StringComparison.Ordinal) ? Bold + text + Reset : text);
    }

    private static string Mebibytes(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";

    private void ClearProgress()
    {
        if (_progressShown)
        {
            Out.Write(EraseLine);
            _progressShown = false;
        }
    }

    private static string Paint(bool colour, string colourCode, string text) => colour ? colourCode + text + Reset : text;

    private static string Prefix(string? file) => string.IsNullOrEmpty(file) ? "" : file + ": ";
}
