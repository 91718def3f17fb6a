namespace Buildpacks.Core.Sources;

/// <summary>
/// One kind of place buildpacks come from. Local directories are built in; git repositories and archives
/// plug in here without the stager knowing.
/// </summary>
internal interface IBuildpackSource
{
    /// <summary>Whether this source understands the reference.</summary>
    bool CanResolve(BuildpackReference reference);

    /// <summary>
    /// Puts the buildpack's files into <paramref name="destination"/> (an empty directory of this staging) and
    /// describes it, with the identity it was pinned to.
    /// </summary>
    Task<ResolvedBuildpack> ResolveAsync(BuildpackReference reference, string destination, SourceContext context);

    /// <summary>
    /// The identity the reference would resolve to, when it can be known without fetching anything (a local
    /// directory's content hash, a pin from the lock file); null otherwise. Incremental builds use it.
    /// </summary>
    BuildpackIdentity? IdentifyWithoutFetching(BuildpackReference reference, SourceContext context);
}
