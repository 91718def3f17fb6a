using System.Diagnostics;
using System.Globalization;
using Buildpacks.Bench.Results;
using Buildpacks.Bench.Running;
using Buildpacks.Core.Droplets;

namespace Buildpacks.Bench.Scenarios;

/// <summary>
/// P1: our DropletWriter (in this process, so the pack alone is timed, not the runtime's start) against
/// <c>tar -czf</c> and <c>tar | pigz</c> on the runtime tree; the sizes; whether every run wrote the same bytes.
/// </summary>
internal sealed class PackScenario : IScenario
{
    public string Name => "pack";

    public void Run(BenchContext context, BenchReport report)
    {
        var runtime = report.Use(context.Inputs.Runtime());
        var output = context.Output("pack");
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        var ours = Path.Combine(output, "ours.tgz");
        var tar = Path.Combine(output, "tar.tgz");

        // Each variant with the file it writes, whose size the report shows.
        var variants = new List<(Variant Variant, string Output)>
        {
            (new("ours", () => Pack(runtime.Path, ours, hashes)), ours),
            (new("tar -czf", () => context.Processes.Time("tar", "-czf", tar, "-C", runtime.Path, ".")), tar),
        };
        var hasPigz = ToolInstaller.Ensure("pigz", "pigz", report, context.Progress);
        if (hasPigz)
        {
            var pigz = Path.Combine(output, "pigz.tgz");
            variants.Add((new("tar | pigz", () => context.Processes.Time("bash", "-c", "set -o pipefail; tar -cf - -C \"$1\" . | pigz >\"$2\"", "bash", runtime.Path, pigz)), pigz));
        }

        var comparison = Alternator.Run("p1-pack", "P1 pack", runtime.Name, variants.ConvertAll(v => v.Variant), context.Options.RoundsFor(7, 3), context.Progress);
        var sizes = variants.ConvertAll(v => new FileInfo(v.Output).Length);
        report.Comparisons.Add(comparison with
        {
            Variants = comparison.Variants.Select((v, i) => v with { Detail = Megabytes(sizes[i]) }).ToList(),
        });

        report.Set(TargetRow.FromRatio(Targets.PackVsTar, comparison.RatioOf("ours", "tar -czf")));
        if (hasPigz)
        {
            report.Set(TargetRow.FromRatio(Targets.PackVsPigz, comparison.RatioOf("ours", "tar | pigz")));
        }
        else
        {
            report.Set(TargetRow.NotRun(Targets.PackVsPigz, TargetStatus.Skipped, "pigz is not installed and could not be"));
        }

        var sizeRatio = (double)sizes[0] / sizes[1];
        report.Set(TargetRow.FromValue(Targets.PackSize, sizeRatio, string.Create(CultureInfo.InvariantCulture, $"{sizeRatio:0.000}x ({Megabytes(sizes[0])} / {Megabytes(sizes[1])})")));
        report.Set(TargetRow.FromValue(Targets.PackDeterministic, hashes.Count,
            string.Create(CultureInfo.InvariantCulture, $"{hashes.Count} over {comparison.Rounds + 1} runs")));
    }

    public static TimeSpan Pack(string root, string output, ISet<string>? hashes = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var packed = DropletWriter.Write(root, output, DropletWriter.DefaultTimestamp);
        stopwatch.Stop();
        hashes?.Add(packed.Sha256);
        return stopwatch.Elapsed;
    }

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.00} MB");
}
