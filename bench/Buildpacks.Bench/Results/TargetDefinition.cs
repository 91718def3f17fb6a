namespace Buildpacks.Bench.Results;

/// <summary>A target: met when the measured value is at most <see cref="Limit"/>.</summary>
internal sealed record TargetDefinition(string Id, string Scenario, string What, double Limit, string Unit);
