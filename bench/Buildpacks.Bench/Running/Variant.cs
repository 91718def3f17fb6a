namespace Buildpacks.Bench.Running;

/// <summary>One side of a comparison: a name and a run that returns how long the measured part took.</summary>
internal sealed record Variant(string Name, Func<TimeSpan> Run);
