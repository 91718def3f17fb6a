using Buildpacks.Bench.Results;
using Buildpacks.Bench.Running;

namespace Buildpacks.Bench.Scenarios;

/// <summary>
/// P5: `buildpacks detect` over ten candidates whose detects each wait 0.1-0.3 s (only the last says yes)
/// against `buildpacks detect` with that last, slowest candidate alone.
/// </summary>
internal sealed class DetectScenario : IScenario
{
    public string Name => "detect";

    public void Run(BenchContext context, BenchReport report)
    {
        var app = report.Use(context.Inputs.OneFile());
        var candidates = context.Buildpacks.Candidates;
        var all = new List<string> { "detect", app.Path, "--log-format", "plain" };
        foreach (var candidate in candidates)
        {
            all.AddRange(["--candidate", candidate]);
        }

        context.PrepareCli();
        var variants = new List<Variant>
        {
            new($"{candidates.Count} candidates", () => Detect(context, [.. all], candidates[^1])),
            new("slowest alone", () => Detect(context, ["detect", app.Path, "--log-format", "plain", "--candidate", candidates[^1]], candidates[^1])),
        };
        var comparison = Alternator.Run("p5-detect", "P5 detect", app.Name, variants, context.Options.RoundsFor(10, 3), context.Progress);
        report.Comparisons.Add(comparison);
        report.Set(TargetRow.FromRatio(Targets.Detect, comparison.RatioOf(variants[0].Name, variants[1].Name)));
    }

    private static TimeSpan Detect(BenchContext context, string[] arguments, string winner)
    {
        var (elapsed, output) = context.RunCli(arguments);
        return output.Contains($"yes: {winner}", StringComparison.Ordinal)
            ? elapsed
            : throw new BenchException($"`buildpacks detect` should have chosen {winner}; it printed:\n{output}");
    }
}
