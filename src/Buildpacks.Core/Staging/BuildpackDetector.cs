using System.Text;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Sources;

namespace Buildpacks.Core.Staging;

/// <summary>Runs <c>bin/detect BUILD</c> over candidates in order; the first exit 0 wins.</summary>
internal sealed class BuildpackDetector(PhaseRunner phases, IStagingLog log, string buildDirectory)
{
    /// <summary>The longest detected name: it lands in staging_info.yml, result.json and every log line about the buildpack.</summary>
    public const int MaxNameLength = 256;

    // What is kept of each stream for the report; a detect that prints megabytes must not keep them.
    private const int MaxKeptOutput = 4096;

    public async Task<(ResolvedBuildpack? Winner, DetectionReport Report)> DetectAsync(IReadOnlyList<ResolvedBuildpack> candidates, CancellationToken cancellationToken)
    {
        var attempts = new List<DetectAttempt>();
        foreach (var candidate in candidates)
        {
            var attempt = await DetectOneAsync(candidate, cancellationToken).ConfigureAwait(false);
            attempts.Add(attempt);
            if (attempt.Detected)
            {
                return (candidate, new DetectionReport(candidate.Key, NameFrom(attempt.Output) ?? candidate.DefaultName, attempts));
            }

            log.Info($"{candidate.DefaultName}: not detected ({attempt.Explain()})");
        }

        return (null, new DetectionReport(null, "", attempts));
    }

    public static BuildpackException NoneDetected(DetectionReport report)
    {
        var lines = new StringBuilder("No buildpack detected the app. Each candidate said no:");
        foreach (var attempt in report.Attempts)
        {
            lines.Append("\n  ").Append(Redaction.RedactUrl(attempt.Candidate)).Append(" -> ").Append(attempt.Explain());
        }

        lines.Append("\nName the buildpack explicitly (--buildpack), or add a candidate whose bin/detect accepts this app.");
        return new BuildpackException(ErrorCodes.NoneDetected, lines.ToString(), null, CfExitCodes.NoneDetected);
    }

    private async Task<DetectAttempt> DetectOneAsync(ResolvedBuildpack candidate, CancellationToken cancellationToken)
    {
        if (!candidate.HasScript("detect"))
        {
            return new DetectAttempt(candidate.Key, null, "", "it has no bin/detect");
        }

        try
        {
            phases.EnsureRunnable(StagingPhase.Detect, candidate);
        }
        catch (BuildpackException ex)
        {
            log.Warning(new BuildpackDiagnostic(ex.Code, ex.Message, ex.File));
            return new DetectAttempt(candidate.Key, null, "", $"{ex.Code}: bin/detect cannot run");
        }

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var outcome = await phases.RunScriptAsync(
            StagingPhase.Detect,
            candidate,
            [buildDirectory],
            (line, isError) => Keep(isError ? stderr : stdout, line),
            cancellationToken).ConfigureAwait(false);
        var output = (stdout.ToString() + stderr).Trim();
        return new DetectAttempt(candidate.Key, outcome.ExitCode, outcome.ExitCode == 0 ? stdout.ToString().TrimEnd('\r', '\n') : output, null);
    }

    /// <summary>Platforms show the first line of detect's output as the buildpack's name.</summary>
    private static string? NameFrom(string output)
    {
        var first = output.AsSpan().TrimStart();
        var end = first.IndexOfAny('\r', '\n');
        first = (end < 0 ? first : first[..end]).TrimEnd();
        if (first.IsEmpty)
        {
            return null;
        }

        return first.Length <= MaxNameLength ? first.ToString() : string.Concat(first[..(MaxNameLength - 3)], "...");
    }

    private static void Keep(StringBuilder kept, string line)
    {
        if (kept.Length < MaxKeptOutput)
        {
            var room = MaxKeptOutput - kept.Length;
            kept.Append(line.Length <= room ? line : line[..room] + "...").Append('\n');
        }
    }
}
