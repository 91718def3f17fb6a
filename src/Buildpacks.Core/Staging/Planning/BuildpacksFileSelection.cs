namespace Buildpacks.Core.Staging.Planning;

/// <summary>The app's <c>.buildpacks</c> file: its buildpacks chained as Heroku's multi buildpack runs them, no detection.</summary>
internal sealed class BuildpacksFileSelection : IBuildpackSelection
{
    public async Task<StagingPlan?> SelectAsync(SelectionContext context, CancellationToken cancellationToken)
    {
        if (AppBuildpacksFile.Read(context.Request.AppDirectory) is not { Count: > 0 } references)
        {
            return null;
        }

        context.Log.Info($"Using the {references.Count} buildpack(s) listed in the app's {AppBuildpacksFile.FileName}");
        var buildpacks = await context.Fetcher.FetchAllAsync(references, "d", cancellationToken).ConfigureAwait(false);
        return new StagingPlan(buildpacks, null, Chained: true);
    }
}
