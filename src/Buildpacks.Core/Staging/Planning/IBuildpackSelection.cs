namespace Buildpacks.Core.Staging.Planning;

/// <summary>
/// One way of choosing the buildpacks: the request's explicit list, detection over candidates, and later what
/// the app declares (<c>.buildpacks</c>, <c>manifest.yml</c>). The planner asks them in order of precedence.
/// </summary>
internal interface IBuildpackSelection
{
    /// <summary>A plan when this selection applies to the request, null when it has nothing to say.</summary>
    Task<StagingPlan?> SelectAsync(SelectionContext context, CancellationToken cancellationToken);
}
