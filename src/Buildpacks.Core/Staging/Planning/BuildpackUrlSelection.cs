using Buildpacks.Core.Sources;

namespace Buildpacks.Core.Staging.Planning;

/// <summary>
/// <c>BUILDPACK_URL</c> among the staging variables names the one buildpack, as on Scalingo and Heroku: no
/// detection, and its <c>bin/compile</c> runs with Heroku's arguments.
/// </summary>
internal sealed class BuildpackUrlSelection : IBuildpackSelection
{
    public const string VariableName = "BUILDPACK_URL";

    public async Task<StagingPlan?> SelectAsync(SelectionContext context, CancellationToken cancellationToken)
    {
        if (Reference(context.Request) is not { } reference)
        {
            return null;
        }

        context.Log.Info($"Using the buildpack named by {VariableName}");
        var buildpacks = await context.Fetcher.FetchAllAsync([reference], "u", cancellationToken).ConfigureAwait(false);
        return new StagingPlan(buildpacks, null, Chained: true);
    }

    /// <summary>The reference <c>BUILDPACK_URL</c> gives, a local one relative to the app; null when it is unset or blank.</summary>
    public static string? Reference(StagingRequest request)
    {
        if (!request.Environment.TryGetValue(VariableName, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var reference = value.Trim();
        return BuildpackReference.IsLocalPath(reference) ? Path.GetFullPath(reference, Path.GetFullPath(request.AppDirectory)) : reference;
    }
}
