using System.Globalization;
using Buildpacks.Core.Files;
using Buildpacks.Core.Sources;

namespace Buildpacks.Core.Staging.Planning;

/// <summary>
/// Resolves a staging's buildpack references into working copies of its own, numbered in order. A local buildpack
/// that cannot be read, or a copy that does not fit in TMPDIR, is a coded error that says so.
/// </summary>
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
            var reference = BuildpackReference.Parse(references[i]);
            try
            {
                resolved.Add(await resolver.ResolveAsync(reference, destination, sourceContext).ConfigureAwait(false));
            }
            catch (CopyFailure ex) when (ex.IsReading)
            {
                throw ex.Unreadable($"The buildpack '{reference.Display}'", "");
            }
            catch (CopyFailure ex) when (ex.Path.StartsWith(workspace.Root, StringComparison.Ordinal))
            {
                throw workspace.Unwritable(ex);
            }
        }

        return resolved;
    }
}
