using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Staging.Planning;

/// <summary>Asks each selection in order of precedence; the first that applies makes the plan.</summary>
internal static class StagingPlanner
{
    // Precedence, highest first. App-declared lists (.buildpacks, manifest.yml) go between these two.
    private static readonly IBuildpackSelection[] Selections = [new ExplicitSelection(), new DetectionSelection()];

    public static async Task<StagingPlan> PlanAsync(SelectionContext context, CancellationToken cancellationToken)
    {
        foreach (var selection in Selections)
        {
            if (await selection.SelectAsync(context, cancellationToken).ConfigureAwait(false) is { } plan)
            {
                return plan;
            }
        }

        throw new BuildpackException(ErrorCodes.InvalidRequest, "No buildpack was given. Name a buildpack to use, or candidates to detect with.");
    }
}
