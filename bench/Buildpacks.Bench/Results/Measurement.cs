namespace Buildpacks.Bench.Results;

/// <summary>One variant of a comparison: its name, its timed runs, and what else the run showed (e.g. output size).</summary>
internal sealed record Measurement(string Name, Samples Samples, string? Detail = null);
