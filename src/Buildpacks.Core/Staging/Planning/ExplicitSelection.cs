namespace Buildpacks.Core.Staging.Planning;

/// <summary>The request names its buildpacks: no detection, as <c>cf push -b</c> and Heroku's buildpack settings.</summary>
internal sealed class ExplicitSelection : IBuildpackSelection
{
    public async Task<StagingPlan?> SelectAsync(SelectionContext context, CancellationToken cancellationToken)
    {
        if (context.Request.Buildpacks.Count == 0)
        {
            return null;
        }

        var buildpacks = await context.Fetcher.FetchAllAsync(context.Request.Buildpacks, "", cancellationToken).ConfigureAwait(false);
        return new StagingPlan(buildpacks, null);
    }
}
