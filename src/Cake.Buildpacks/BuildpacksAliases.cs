using Cake.Core.Annotations;

namespace Cake.Buildpacks;

/// <summary>
/// Stage apps into droplets with Heroku / Cloud Foundry v2 buildpacks, detect which buildpack applies,
/// and inspect droplets. The same engine as the <c>buildpacks</c> command and the MSBuild package does
/// the work, so the same inputs give the same droplet, byte for byte.
/// </summary>
/// <remarks>
/// Load the addin with <c>#addin nuget:?package=Cake.Buildpacks&amp;version=0.1.0</c> (or from a local
/// feed: <c>#addin nuget:file:///path/to/feed?package=Cake.Buildpacks&amp;version=0.1.0</c>).
/// Buildpacks are bash programs: staging runs on Linux and macOS hosts.
/// Relative paths are taken from the script's working directory, as every Cake alias does.
/// </remarks>
[CakeAliasCategory("Buildpacks")]
[CakeNamespaceImport("Cake.Buildpacks")]
[CakeNamespaceImport("Buildpacks.Core.Staging")]
[CakeNamespaceImport("Buildpacks.Core.Droplets")]
[CakeNamespaceImport("Buildpacks.Core.Diagnostics")]
[CakeNamespaceImport("Buildpacks.Core.Packaging")]
[CakeNamespaceImport("Buildpacks.Core.Sources")]
[CakeNamespaceImport("Buildpacks.Core.Stacks")]
public static partial class BuildpacksAliases
{
}
