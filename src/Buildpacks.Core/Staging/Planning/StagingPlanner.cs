using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Staging.Planning;

/// <summary>Asks each selection in order of precedence; the first that applies makes the plan.</summary>
internal static class StagingPlanner
{
    // Precedence, highest first: what the request names, then what the app declares, then detection.
    private static readonly IBuildpackSelection[] Selections =
    [
        new ExplicitSelection(),
        new BuildpackUrlSelection(),
        new ManifestSelection(),
        new BuildpacksFileSelection(),
        new DetectionSelection(),
    ];

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
