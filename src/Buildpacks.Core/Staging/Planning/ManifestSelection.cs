namespace Buildpacks.Core.Staging.Planning;

/// <summary>The buildpacks of the app's Cloud Foundry manifest: no detection, Cloud Foundry's supply/finalize contract, as <c>cf push</c>.</summary>
internal sealed class ManifestSelection : IBuildpackSelection
{
    public async Task<StagingPlan?> SelectAsync(SelectionContext context, CancellationToken cancellationToken)
    {
        if (context.Manifest is not { Buildpacks.Count: > 0 } manifest)
        {
            return null;
        }

        context.Log.Info($"Using the {manifest.Buildpacks.Count} buildpack(s) of the manifest {manifest.ManifestFile}");
        var buildpacks = await context.Fetcher.FetchAllAsync(manifest.Buildpacks, "m", cancellationToken).ConfigureAwait(false);
        return new StagingPlan(buildpacks, null);
    }
}
