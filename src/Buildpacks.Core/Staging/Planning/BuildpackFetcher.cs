using System.Globalization;
using Buildpacks.Core.Sources;

namespace Buildpacks.Core.Staging.Planning;

/// <summary>Resolves a staging's buildpack references into working copies of its own, numbered in order.</summary>
internal sealed class BuildpackFetcher(BuildpackResolver resolver, StagingWorkspace workspace, SourceContext context)
{
    /// <summary>Resolves each reference into <c>buildpacks/PREFIX+N</c> of the workspace.</summary>
    public async Task<List<ResolvedBuildpack>> FetchAllAsync(IReadOnlyList<string> references, string prefix, CancellationToken cancellationToken)
    {
        var resolved = new List<ResolvedBuildpack>();
        var sourceContext = context with { CancellationToken = cancellationToken };
        for (var i = 0; i < references.Count; i++)
        {
            var destination = workspace.BuildpackDirectory(prefix + i.ToString(CultureInfo.InvariantCulture));
            resolved.Add(await resolver.ResolveAsync(BuildpackReference.Parse(references[i]), destination, sourceContext).ConfigureAwait(false));
        }

        return resolved;
    }
}
