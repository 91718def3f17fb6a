using System.Text;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Sources;

namespace Buildpacks.Core.Staging;

/// <summary>
/// Runs <c>bin/detect BUILD</c> over candidates; the first in order that exits 0 wins. On this machine the detects run
/// side by side, each with its own TMPDIR, and what each logs is held back and shown in candidate order, exactly as a
/// run in turn shows it; a candidate after the winner is stopped and not shown.
/// </summary>
/// <param name="phases">Runs the scripts.</param>
/// <param name="log">Where detection reports.</param>
/// <param name="buildDirectory">The copy of the app the detects look at.</param>
/// <param name="scratchDirectory">The staging's TMPDIR (engine path), below which each detect that runs beside others gets its own; null runs them in turn.</param>
internal sealed class BuildpackDetector(PhaseRunner phases, IStagingLog log, string buildDirectory, string? scratchDirectory = null)
{
    /// <summary>The longest detected name: it lands in staging_info.yml, result.json and every log line about the buildpack.</summary>
    public const int MaxNameLength = 256;

    // What is kept of each stream for the report; a detect that prints megabytes must not keep them.
    private const int MaxKeptOutput = 4096;

    // Detects mostly wait (read a file or two, start an interpreter), so more run well side by side than there are cores.
    private static readonly int MaxSideBySide = Math.Max(16, Environment.ProcessorCount * 4);

    public async Task<(ResolvedBuildpack? Winner, DetectionReport Report)> DetectAsync(IReadOnlyList<ResolvedBuildpack> candidates, CancellationToken cancellationToken)
    {
        if (candidates.Count > 1 && scratchDirectory is not null && phases.RunsScriptsSideBySide)
        {
            return await DetectSideBySideAsync(candidates, scratchDirectory, cancellationToken).ConfigureAwait(false);
        }

        var attempts = new List<DetectAttempt>();
        foreach (var candidate in candidates)
        {
            var attempt = await DetectOneAsync(phases, log, candidate, cancellationToken).ConfigureAwait(false);
            if (Decide(candidate, attempt, attempts) is { } decided)
            {
                return decided;
            }
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

    private async Task<(ResolvedBuildpack? Winner, DetectionReport Report)> DetectSideBySideAsync(
        IReadOnlyList<ResolvedBuildpack> candidates, string scratch, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(MaxSideBySide);
        var runs = new List<(Task<DetectAttempt> Attempt, BufferedStagingLog Log, List<PhaseTiming> Timings)>(candidates.Count);
        try
        {
            for (var index = 0; index < candidates.Count; index++)
            {
                var buffered = new BufferedStagingLog();
                var timings = new List<PhaseTiming>();
                var runner = phases.With(buffered, timings, OwnScratch(scratch, index));
                var candidate = candidates[index];
                runs.Add((InSlotAsync(slots, () => DetectOneAsync(runner, buffered, candidate, stop.Token), stop.Token), buffered, timings));
            }

            var attempts = new List<DetectAttempt>();
            for (var index = 0; index < candidates.Count; index++)
            {
                var (running, buffered, timings) = runs[index];
                DetectAttempt attempt;
                try
                {
                    attempt = await running.ConfigureAwait(false);
                }
                finally
                {
                    // Its turn has come: what it logged shows now, as it would have in turn, whether it ended well or not.
                    buffered.FlushTo(log);
                    phases.AddTimings(timings);
                }

                if (Decide(candidates[index], attempt, attempts) is { } decided)
                {
                    return decided;
                }
            }

            return (null, new DetectionReport(null, "", attempts));
        }
        finally
        {
            // The candidates after the winner (or after a failure) no longer matter: stop them, and return only when
            // each is gone, so no detect outlives the call or writes into a workspace being removed.
            await stop.CancelAsync().ConfigureAwait(false);
            await ((Task)Task.WhenAll(runs.Select(run => run.Attempt))).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    // Some buildpacks write to $TMPDIR by fixed names; side by side, each detect gets a TMPDIR of its own below the staging's.
    private IReadOnlyDictionary<string, string> OwnScratch(string scratch, int index)
    {
        if (!phases.Environment.TryGetValue("TMPDIR", out var shared) || shared != phases.ToScriptPath(scratch))
        {
            // The user chose a TMPDIR: it stays theirs.
            return phases.Environment;
        }

        var own = Directory.CreateDirectory(Path.Combine(scratch, $"detect-{index}")).FullName;
        return new Dictionary<string, string>(phases.Environment, StringComparer.Ordinal) { ["TMPDIR"] = phases.ToScriptPath(own) };
    }

    private static async Task<DetectAttempt> InSlotAsync(SemaphoreSlim slots, Func<Task<DetectAttempt>> detect, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await detect().ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }

    // The winner ends detection; a candidate that said no is logged as such and detection goes on (null).
    private (ResolvedBuildpack? Winner, DetectionReport Report)? Decide(ResolvedBuildpack candidate, DetectAttempt attempt, List<DetectAttempt> attempts)
    {
        attempts.Add(attempt);
        if (attempt.Detected)
        {
            return (candidate, new DetectionReport(candidate.Key, NameFrom(attempt.Output) ?? candidate.DefaultName, attempts));
        }

        log.Info($"{candidate.DefaultName}: not detected ({attempt.Explain()})");
        return null;
    }

    private async Task<DetectAttempt> DetectOneAsync(PhaseRunner runner, IStagingLog candidateLog, ResolvedBuildpack candidate, CancellationToken cancellationToken)
    {
        if (!candidate.HasScript("detect"))
        {
            return new DetectAttempt(candidate.Key, null, "", "it has no bin/detect");
        }

        try
        {
            runner.EnsureRunnable(StagingPhase.Detect, candidate);
        }
        catch (BuildpackException ex)
        {
            candidateLog.Warning(new BuildpackDiagnostic(ex.Code, ex.Message, ex.File));
            return new DetectAttempt(candidate.Key, null, "", $"{ex.Code}: bin/detect cannot run");
        }

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var outcome = await runner.RunScriptAsync(
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
