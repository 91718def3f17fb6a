namespace Buildpacks.Core.Hosts;

/// <summary>
/// The directories of one staging, as the engine sees them. A host that runs scripts elsewhere makes each of them
/// visible to the scripts (a container mounts them) and maps paths with <see cref="IStagingHostSession.ToScriptPath"/>.
/// </summary>
/// <param name="WorkspaceRoot">The staging's private directory: build dir, deps, profile.d, env dir and buildpacks are below it.</param>
/// <param name="CacheDirectory">The working copy of the cache the buildpacks get as CACHE_DIR (it may lie outside the workspace).</param>
/// <param name="HomeDirectory">The directory scripts get as HOME, below the workspace.</param>
/// <param name="TempDirectory">The directory scripts get as TMPDIR, below the workspace.</param>
internal sealed record HostSessionLayout(string WorkspaceRoot, string CacheDirectory, string HomeDirectory, string TempDirectory);
