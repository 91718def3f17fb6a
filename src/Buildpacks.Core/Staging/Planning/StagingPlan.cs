using Buildpacks.Core.Sources;

namespace Buildpacks.Core.Staging.Planning;

/// <summary>
/// Which buildpacks a staging runs, in order: every one but the last supplies, the last finalizes (or compiles).
/// Selection makes a plan; <see cref="PlanRunner"/> carries it out.
/// </summary>
/// <param name="Buildpacks">The buildpacks, resolved into working copies, the final one last.</param>
/// <param name="DetectedName">What the winning candidate's bin/detect printed, when the plan came from detection.</param>
/// <param name="Chained">
/// Heroku's multi-buildpack contract instead of Cloud Foundry's: each one's <c>bin/compile</c> in turn, its
/// <c>export</c> file sourced into the next one's environment (<see cref="ChainRunner"/>).
/// </param>
internal sealed record StagingPlan(IReadOnlyList<ResolvedBuildpack> Buildpacks, string? DetectedName, bool Chained = false)
{
    public ResolvedBuildpack Final => Buildpacks[^1];
}
