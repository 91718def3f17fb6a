namespace Buildpacks.Cli.Tests.Hardening;

/// <summary>
/// Faults from outside: signals to the CLI, full file systems. The same checks as every case: a coded error, nothing
/// changed, nothing left in TMPDIR or beside the outputs, nothing running, the cache usable next time.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class FaultCases
{
    private const string Waits = "sleep 300 &\necho compile waits\nwait";

    public static readonly HardeningCase[] All =
    [
        new("SIGINT to the CLI during compile", s => s.Stage(buildpack: s.Compile(Waits)), "BPK1041", 130) { Signal = "INT", SignalAfter = "compile waits" },
        new("SIGTERM to the CLI during compile", s => s.Stage(buildpack: s.Compile(Waits)), "BPK1041", 130) { Signal = "TERM", SignalAfter = "compile waits" },
        new("SIGTERM to the CLI during detect", s => ["detect", s.App, "-c", s.Buildpack(("detect", Waits), ("compile", "true"))], "BPK1041", 130) { Signal = "TERM", SignalAfter = "-----> detect" },
        new("SIGTERM to the CLI during release", s => s.Stage(buildpack: s.Buildpack(("compile", "true"), ("release", "sleep 300 &\necho release waits >&2\nwait"))), "BPK1041", 130) { Signal = "TERM", SignalAfter = "-----> release" },
        new("disk full while packing", s => s.Stage(app: Incompressible(s, 3 << 20), output: OnSmallDisk(s, "out-disk", "1m")), "BPK1050"),
        // As root the cache is overlay-mounted, not copied, so a full file system around an unchanged cache is no fault.
        new("disk full in the cache's file system", s => s.Stage(cache: FullCacheDisk(s)), Environment.IsPrivilegedProcess ? null : "BPK1073", Environment.IsPrivilegedProcess ? 0 : 1),
        // A buildpack is copied into the workspace in every mode (the app, as root, is not).
        new("disk full in TMPDIR", s => s.Stage(buildpack: BigBuildpack(s, 2 << 20), extra: ["--timestamp", MountTemp(s, "1m")]), "BPK1075"),
        new("TMPDIR read-only", s => s.Stage(extra: ["--timestamp", MountTemp(s, "1m", readOnly: true)]), "BPK1075"),
    ];

    public static TheoryData<string> Names => [.. All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public Task Case(string name) => HardeningRunner.RunAsync(All.Single(c => c.Name == name));

    private static string Incompressible(HardeningScene scene, int bytes)
    {
        var data = new byte[bytes];
        Random.Shared.NextBytes(data);
        File.WriteAllBytes(Path.Combine(scene.App, "random.bin"), data);
        return scene.App;
    }

    // A buildpack with an incompressible file of the given size.
    private static string BigBuildpack(HardeningScene scene, int bytes)
    {
        var buildpack = scene.Compile("true");
        var data = new byte[bytes];
        Random.Shared.NextBytes(data);
        File.WriteAllBytes(Path.Combine(buildpack, "random.bin"), data);
        return buildpack;
    }

    // The output's folder on a small file system, with an earlier droplet in it.
    private static string OnSmallDisk(HardeningScene scene, string name, string size)
    {
        var disk = scene.Mount(scene.Combine(name), size);
        var output = Path.Combine(disk.Path, "app.droplet.tgz");
        File.WriteAllText(output, "the droplet of an earlier staging");
        return output;
    }

    private static string FullCacheDisk(HardeningScene scene)
    {
        var disk = scene.Mount(scene.Combine("cache-disk"), "2m");
        var cache = Path.Combine(disk.Path, "cache");
        Directory.CreateDirectory(cache);
        File.WriteAllText(Path.Combine(cache, "count"), "1\n");
        File.WriteAllBytes(Path.Combine(cache, "blob"), new byte[600 << 10]);
        disk.Fill(free: 300 << 10);
        return cache;
    }

    // Returns a time stamp so the mount fits in the argument list.
    private static string MountTemp(HardeningScene scene, string size, bool readOnly = false)
    {
        scene.Mount(scene.TempDirectory, size, readOnly);
        return "0";
    }
}
