using Buildpacks.Bench.Results;
using Buildpacks.Bench.Running;

namespace Buildpacks.Bench.Scenarios;

/// <summary>
/// A staging whose buildpack leaves a large cache alone should cost about what one with an empty cache costs:
/// the one-file app staged with --cache-dir holding the 10k-file cache, against an empty --cache-dir.
/// </summary>
internal sealed class CacheScenario : IScenario
{
    public string Name => "cache";

    public void Run(BenchContext context, BenchReport report)
    {
        var app = report.Use(context.Inputs.OneFile());
        var cache = report.Use(context.Inputs.Cache());
        var output = context.Output("cache");

        // The tool replaces the cache directory after each staging, so each side gets a copy it may own.
        var warm = Path.Combine(output, "warm");
        context.Processes.Run("cp", ["-a", cache.Path, warm]);
        var empty = Directory.CreateDirectory(Path.Combine(output, "empty")).FullName;
        string[] Stage(string cacheDirectory, string droplet) =>
            ["stage", app.Path, "--buildpack", context.Buildpacks.Noop, "--output", Path.Combine(output, droplet), "--cache-dir", cacheDirectory, "--log-format", "plain"];
        context.PrepareCli();
        var variants = new List<Variant>
        {
            new("warm cache", () => context.TimeCli(Stage(warm, "warm.tgz"))),
            new("empty cache", () => context.TimeCli(Stage(empty, "empty.tgz"))),
        };
        var comparison = Alternator.Run("cache", "Staging with --cache-dir", $"{app.Name} + {cache.Name}", variants, context.Options.RoundsFor(7, 3), context.Progress);
        report.Comparisons.Add(comparison);
        report.Set(TargetRow.FromRatio(Targets.Cache, comparison.RatioOf("warm cache", "empty cache")));

        var kept = Directory.GetFiles(warm, "*", SearchOption.AllDirectories).Length;
        if (kept != cache.Files)
        {
            throw new BenchException($"The warm cache held {cache.Files} files before staging and {kept} after: the tool did not keep it.");
        }
    }
}
