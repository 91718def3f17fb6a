using Buildpacks.Bench.Results;

namespace Buildpacks.Bench.Scenarios;

/// <summary>One group of comparisons, selected by name with --only.</summary>
internal interface IScenario
{
    string Name { get; }

    void Run(BenchContext context, BenchReport report);
}
