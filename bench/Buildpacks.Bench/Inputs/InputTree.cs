namespace Buildpacks.Bench.Inputs;

/// <summary>A generated directory the harness stages or packs.</summary>
internal sealed record InputTree(string Name, string Path, int Files, long Bytes, string Description);
