using Buildpacks.Bench.Results;
using Buildpacks.Bench.Running;

namespace Buildpacks.Bench.Scenarios;

/// <summary>
/// P2: a whole staging through the published `buildpacks` tool, with a no-op buildpack, against the same
/// staging by hand in bash (cp -a; detect; compile; release; tar -czf), on the 10k-small-files tree and the runtime tree.
/// </summary>
internal sealed class StagingScenario : IScenario
{
    public string Name => "staging";

    public void Run(BenchContext context, BenchReport report)
    {
        Compare(context, report, context.Inputs.SmallFiles(), Targets.StagingSmallFiles, context.Options.RoundsFor(5, 2));
        Compare(context, report, context.Inputs.Runtime(), Targets.StagingRuntime, context.Options.RoundsFor(7, 3));
    }

    /// <summary>Ours against by hand on <paramref name="app"/>: the pair behind P2 and the start-up target.</summary>
    public static void Compare(BenchContext context, BenchReport report, Inputs.InputTree app, TargetDefinition target, int rounds)
    {
        report.Use(app);
        var output = context.Output(target.Id);
        var buildpack = context.Buildpacks.Noop;
        context.PrepareCli();
        var variants = new List<Variant>
        {
            new("ours", () => context.TimeCli("stage", app.Path, "--buildpack", buildpack, "--output", Path.Combine(output, "ours.tgz"), "--log-format", "plain")),
            new("by hand", () => context.Processes.Time(context.Buildpacks.ByHand, app.Path, buildpack, Path.Combine(output, "by-hand.tgz"), Path.Combine(output, "by-hand"))),
        };
        var comparison = Alternator.Run(target.Id, "Staging, no-op buildpack", app.Name, variants, rounds, context.Progress);
        report.Comparisons.Add(comparison);
        report.Set(TargetRow.FromRatio(target, comparison.RatioOf("ours", "by hand")));
    }
}
