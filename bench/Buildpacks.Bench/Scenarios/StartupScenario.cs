using Buildpacks.Bench.Results;

namespace Buildpacks.Bench.Scenarios;

/// <summary>Staging an app of one file, where what is left is the tool's start-up and fixed costs.</summary>
internal sealed class StartupScenario : IScenario
{
    public string Name => "startup";

    public void Run(BenchContext context, BenchReport report) =>
        StagingScenario.Compare(context, report, context.Inputs.OneFile(), Targets.Startup, context.Options.RoundsFor(15, 5));
}
