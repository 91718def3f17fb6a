using System.Globalization;
using Buildpacks.Bench.Results;
using Buildpacks.Bench.Running;

namespace Buildpacks.Bench.Scenarios;

/// <summary>
/// Packing ten times the data should take about ten times as long, in memory that does not grow with it:
/// our pack of the big tree against the runtime tree, then the peak RSS of a process that packs the big tree.
/// </summary>
internal sealed class ScaleScenario : IScenario
{
    public string Name => "scale";

    public void Run(BenchContext context, BenchReport report)
    {
        var runtime = report.Use(context.Inputs.Runtime());
        var big = report.Use(context.Inputs.Big());
        var output = context.Output("scale");
        var variants = new List<Variant>
        {
            new("ours, big tree", () => PackScenario.Pack(big.Path, Path.Combine(output, "big.tgz"))),
            new("ours, runtime tree", () => PackScenario.Pack(runtime.Path, Path.Combine(output, "runtime.tgz"))),
        };
        var comparison = Alternator.Run("scale", "Scale: pack", $"{big.Name} vs {runtime.Name}", variants, context.Options.RoundsFor(3, 2), context.Progress);
        report.Comparisons.Add(comparison);
        report.Set(TargetRow.FromRatio(Targets.Scale, comparison.RatioOf("ours, big tree", "ours, runtime tree")));

        if (!ToolInstaller.Ensure("/usr/bin/time", "time", report, context.Progress))
        {
            report.Set(TargetRow.NotRun(Targets.PackPeakRss, TargetStatus.Skipped, "/usr/bin/time is missing and could not be installed"));
            return;
        }

        // A process of its own, so the figure is what packing costs and not what this harness holds; GNU time
        // reads the peak from the kernel (getrusage) when the process ends.
        context.Progress.WriteLine($"Peak RSS of a process packing {big.Name}...");
        var rssFile = Path.Combine(output, "rss.txt");
        context.Processes.Run("/usr/bin/time", ["-f", "%M", "-o", rssFile, "dotnet", typeof(PackScenario).Assembly.Location, "pack", big.Path, Path.Combine(output, "rss.tgz")]);
        var megabytes = long.Parse(File.ReadAllText(rssFile).Trim().Split('\n')[^1], CultureInfo.InvariantCulture) / 1024.0;
        report.Set(TargetRow.FromValue(Targets.PackPeakRss, megabytes, string.Create(CultureInfo.InvariantCulture, $"{megabytes:0} MB ({big.Bytes / 1e6:0} MB tree)")));
    }
}
