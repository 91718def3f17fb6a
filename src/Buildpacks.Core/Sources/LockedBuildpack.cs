namespace Buildpacks.Core.Sources;

/// <summary>One entry of a lock file: what a buildpack reference resolved to, and when.</summary>
/// <param name="Identity">The commit, archive digest or content hash the reference is pinned to.</param>
/// <param name="ResolvedAt">When <c>buildpacks lock</c> first saw this identity (UTC, ISO 8601, whole seconds).</param>
public sealed record LockedBuildpack(BuildpackIdentity Identity, string ResolvedAt);
