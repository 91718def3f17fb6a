namespace Buildpacks.Bench.Results;

/// <summary>The targets of issue 15, each reported on every run (measured, skipped or failed), so runs compare row by row.</summary>
internal static class Targets
{
    public static readonly TargetDefinition PackVsTar = new("p1-pack-vs-tar", "pack", "P1 pack, runtime tree: ours / `tar -czf`", 0.25, "x");
    public static readonly TargetDefinition PackVsPigz = new("p1-pack-vs-pigz", "pack", "P1 pack, runtime tree: ours / `tar | pigz`", 0.6, "x");
    public static readonly TargetDefinition PackSize = new("p1-size", "pack", "P1 droplet size, runtime tree: ours / `tar -czf`", 1.04, "x");
    public static readonly TargetDefinition PackDeterministic = new("p1-deterministic", "pack", "P1 distinct droplets over all runs of ours (1 = byte-identical)", 1, "");
    public static readonly TargetDefinition PackPeakRss = new("p1-peak-rss", "scale", "P1 peak RSS of a process packing the big tree", 150, " MB");
    public static readonly TargetDefinition StagingSmallFiles = new("p2-staging-10k", "staging", "P2 staging, 10k small files: ours / by hand", 0.5, "x");
    public static readonly TargetDefinition StagingRuntime = new("p2-staging-runtime", "staging", "P2 staging, runtime tree: ours / by hand", 0.35, "x");
    public static readonly TargetDefinition Cache = new("cache-warm-vs-empty", "cache", "Staging with a warm 10k-file cache / with an empty cache", 1.1, "x");
    public static readonly TargetDefinition Startup = new("startup", "startup", "Staging a one-file app: ours / by hand", 3, "x");
    public static readonly TargetDefinition MsBuildNoop = new("p3-msbuild-noop", "msbuild", "P3 no-op `dotnet publish` with staging / plain `dotnet publish`", 1.05, "x");
    public static readonly TargetDefinition Detect = new("p5-detect", "detect", "P5 detect over 10 candidates / the slowest single detect", 1.5, "x");
    public static readonly TargetDefinition Scale = new("scale", "scale", "Pack, big tree (10x) / runtime tree", 10.5, "x");

    public static readonly IReadOnlyList<TargetDefinition> All =
    [
        PackVsTar, PackVsPigz, PackSize, PackDeterministic, PackPeakRss, StagingSmallFiles, StagingRuntime, Cache, Startup, MsBuildNoop, Detect, Scale,
    ];
}
