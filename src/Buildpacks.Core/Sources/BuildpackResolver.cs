using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Sources;

/// <summary>Turns buildpack references into working copies, asking each source in turn.</summary>
public sealed class BuildpackResolver
{
    private readonly IReadOnlyList<IBuildpackSource> _sources;

    /// <summary>Creates a resolver over the given sources, asked in order.</summary>
    public BuildpackResolver(IEnumerable<IBuildpackSource> sources) => _sources = [.. sources];

    /// <summary>A resolver that knows local directories.</summary>
    public static BuildpackResolver Default { get; } = new([new LocalDirectorySource()]);

    /// <summary>Resolves one reference into <paramref name="destination"/>.</summary>
    public Task<ResolvedBuildpack> ResolveAsync(string reference, string destination, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            throw new BuildpackException(ErrorCodes.InvalidRequest, "A buildpack reference is empty. Give a directory path.");
        }

        foreach (var source in _sources)
        {
            if (source.CanResolve(reference))
            {
                return source.ResolveAsync(reference, destination, cancellationToken);
            }
        }

        throw new BuildpackException(
            ErrorCodes.BuildpackSourceUnsupported,
            $"The buildpack '{Redaction.RedactUrl(reference)}' is not a local directory, and this version can only use local directories. " +
            "Clone or download the buildpack and give its directory.");
    }
}
