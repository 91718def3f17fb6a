using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Sources;

/// <summary>Turns buildpack references into working copies, asking each source in turn.</summary>
internal sealed class BuildpackResolver
{
    private readonly IReadOnlyList<IBuildpackSource> _sources;

    /// <summary>Creates a resolver over the given sources, asked in order.</summary>
    public BuildpackResolver(IEnumerable<IBuildpackSource> sources) => _sources = [.. sources];

    /// <summary>Resolves one reference into <paramref name="destination"/>.</summary>
    public Task<ResolvedBuildpack> ResolveAsync(BuildpackReference reference, string destination, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.CancellationToken.ThrowIfCancellationRequested();
        return Find(reference).ResolveAsync(reference, destination, context);
    }

    /// <summary>The identity a reference would resolve to, when known without fetching; null otherwise.</summary>
    public BuildpackIdentity? IdentifyWithoutFetching(BuildpackReference reference, SourceContext context) =>
        _sources.FirstOrDefault(source => source.CanResolve(reference))?.IdentifyWithoutFetching(reference, context);

    private IBuildpackSource Find(BuildpackReference reference) =>
        _sources.FirstOrDefault(source => source.CanResolve(reference))
        ?? throw new BuildpackException(
            ErrorCodes.BuildpackSourceUnsupported,
            $"No buildpack source of this engine understands '{reference.Display}'. Give a local directory or archive file, a git URL or an archive URL (.tgz, .tar.gz, .tar, .zip).");
}
