using Buildpacks.Bench;
using Buildpacks.Bench.Results;
using Buildpacks.Bench.Running;
using Buildpacks.Bench.Scenarios;
using Buildpacks.Core.Droplets;

// The harness of issue 15: times staging and packing against what the platforms' own tools and a by-hand
// pipeline cost, side by side in one run, and reports each target as met or not. See BenchOptions.Usage.
if (args is ["pack", var source, var droplet])
{
    // The process whose peak RSS the scale scenario measures: a pack and nothing else.
    DropletWriter.Write(source, droplet, DropletWriter.DefaultTimestamp);
    return 0;
}

BenchOptions options;
try
{
    if (args is ["--help"] or ["-h"])
    {
        Console.WriteLine(BenchOptions.Usage);
        return 0;
    }

    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}\n\n{BenchOptions.Usage}");
    return 2;
}

var progress = Console.Error;
var repository = RepositoryInfo.FindRoot();
var root = BenchWorkspace.Open(options);
var started = DateTime.UtcNow;
var loadBefore = RepositoryInfo.LoadAverage();
progress.WriteLine($"Work directory: {root}{(options.Quick ? " (quick)" : "")}");
if (RepositoryInfo.IsBusy())
{
    progress.WriteLine($"warning: load average {loadBefore} on {Environment.ProcessorCount} cores: timings are noisy; the ratios' round ranges show how much.");
}

var report = new BenchReport();
var failures = 0;
try
{
    var context = new BenchContext(options, root, repository, progress);
    IScenario[] scenarios = [new PackScenario(), new StagingScenario(), new CacheScenario(), new StartupScenario(), new DetectScenario(), new MsBuildScenario(), new ScaleScenario()];
    foreach (var scenario in scenarios)
    {
        if (!options.Runs(scenario.Name))
        {
            report.SetUnmeasured(scenario.Name, TargetStatus.Skipped, "not selected (--only)");
            continue;
        }

        try
        {
            scenario.Run(context, report);
        }
        catch (Exception ex) when (ex is BenchException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            failures++;
            progress.WriteLine($"error: scenario {scenario.Name} failed: {ex.Message}");
            report.Notes.Add($"Scenario {scenario.Name} failed: {ex.Message.Split('\n')[0]}");
            report.SetUnmeasured(scenario.Name, TargetStatus.Failed, $"scenario {scenario.Name} failed");
        }
    }
}
finally
{
    BenchWorkspace.Close(root, options.Keep, progress);
}

var run = new RunInfo(RepositoryInfo.Commit(repository), started, options.Quick, Environment.ProcessorCount, loadBefore, RepositoryInfo.LoadAverage(), root,
    System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
MarkdownReport.Write(Console.Out, report, run);
if (options.JsonPath is { } json)
{
    JsonReport.Write(json, report, run);
    progress.WriteLine($"Wrote {json}");
}

return failures == 0 ? 0 : 1;
