namespace Buildpacks.Core.Sources;

/// <summary>
/// One kind of place buildpacks come from. Local directories are built in; git URLs and archives plug
/// in here without the stager knowing.
/// </summary>
public interface IBuildpackSource
{
    /// <summary>Whether this source understands the reference.</summary>
    bool CanResolve(string reference);

    /// <summary>Puts the buildpack's files into <paramref name="destination"/> (an empty directory) and describes it.</summary>
    Task<ResolvedBuildpack> ResolveAsync(string reference, string destination, CancellationToken cancellationToken);
}
