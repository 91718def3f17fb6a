using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Staging;

/// <summary>The duration of one phase of one buildpack.</summary>
/// <param name="Phase">The phase.</param>
/// <param name="Buildpack">The buildpack's name, empty for engine phases.</param>
/// <param name="Duration">How long it took.</param>
public sealed record PhaseTiming(StagingPhase Phase, string Buildpack, TimeSpan Duration);
