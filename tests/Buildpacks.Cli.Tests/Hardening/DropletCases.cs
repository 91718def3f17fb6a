using System.IO.Compression;

namespace Buildpacks.Cli.Tests.Hardening;

/// <summary>
/// <c>detect</c>, <c>inspect</c> and <c>run</c> given bad apps, buildpacks and droplets: truncated, not gzip, bombs,
/// fifos, entries that escape. A coded error (or the documented success), nothing left in TMPDIR, nothing running.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class DropletCases
{
    public static readonly HardeningCase[] All =
    [
        new("detect: app missing", s => ["detect", s.Combine("nope"), "-c", HardeningScene.CacheWiper], "BPK1001"),
        new("detect: no candidate", s => ["detect", s.App], "BPK1080"),
        new("detect: candidate missing", s => ["detect", s.App, "-c", s.Combine("nope")], "BPK1002"),
        new("detect: none applies", s => ["detect", s.App, "-c", s.Buildpack(("detect", "exit 1"), ("compile", "true"))], null, 222),
        new("detect: killed by SIGKILL", s => ["detect", s.App, "-c", s.Buildpack(("detect", "kill -KILL $$"), ("compile", "true"))], null, 222),
        new("detect: leaves a daemon", s => ["detect", s.App, "-c", s.Buildpack(("detect", "setsid sleep 300 & nohup sleep 300 >/dev/null 2>&1 & echo Daemon"), ("compile", "true"))], null, 0),
        new("detect: prints a megabyte", s => ["detect", s.App, "-c", s.Buildpack(("detect", "head -c 1000000 /dev/zero | tr '\\0' n; echo"), ("compile", "true"))], null, 0),
        new("detect: script with a UTF-8 BOM", s => ["detect", s.App, "-c", Bom(s.Buildpack(("compile", "true")), "detect")], null, 222) { Warning = "BPK1090" },
        new("detect: app holds a fifo", s => ["detect", StageInputCases.WithFifo(s, "pipe"), "-c", HardeningScene.CacheWiper], null, 0),
        new("inspect: droplet missing", s => ["inspect", s.Combine("nope.tgz")], "BPK1060"),
        new("inspect: a directory", s => ["inspect", s.Combine("work")], "BPK1060"),
        new("inspect: empty file", s => ["inspect", s.WriteBytes("empty.tgz", [])], "BPK1060"),
        new("inspect: not gzip", s => ["inspect", s.Write("text.tgz", "just text")], "BPK1060"),
        new("inspect: gzip but not tar", s => ["inspect", Gzip(s, "plain.tgz", System.Text.Encoding.UTF8.GetBytes(HardeningScene.Repeat("not a tar header ", 5000)))], "BPK1060"),
        new("inspect: gzip of an empty tar", s => ["inspect", Gzip(s, "zeros.tgz", new byte[5000])], "BPK1060"),
        new("inspect: truncated", s => ["inspect", Truncated(s)], "BPK1060"),
        new("inspect: a fifo", s => ["inspect", StageInputCases.Fifo(s.Combine("pipe.tgz"))], "BPK1060"),
        new("inspect: /dev/zero", _ => ["inspect", "/dev/zero"], "BPK1060"),
        new("inspect: staging_info.yml of 64 MB", s => ["inspect", Tarball.Write(s.Combine("bomb.tgz"), Tarball.Directory("./app/"), Tarball.Zeros("./staging_info.yml", 64 << 20))], "BPK1241"),
        new("inspect: staging_info.yml not YAML", s => ["inspect", Tarball.Write(s.Combine("bad.tgz"), Tarball.Directory("./app/"), Tarball.File("./staging_info.yml", "start_command: [unclosed"))], "BPK1060"),
        new("inspect: slug .release of 64 MB", s => ["inspect", Tarball.Write(s.Combine("slug.tgz"), Tarball.Directory("./app/"), Tarball.Zeros("./.release", 64 << 20))], "BPK1241"),
        new("inspect: a good droplet", s => ["inspect", s.StagedDroplet(), "--json"], null, 0),
        new("run: droplet missing", s => ["run", s.Combine("nope.tgz")], "BPK1060"),
        new("run: not gzip", s => ["run", s.Write("text.tgz", "just text")], "BPK1060"),
        new("run: truncated", s => ["run", Truncated(s)], "BPK1060"),
        new("run: a fifo", s => ["run", StageInputCases.Fifo(s.Combine("pipe.tgz"))], "BPK1060"),
        new("run: entry with ../", s => ["run", Tarball.Write(s.Combine("up.tgz"), Tarball.File("./app/../../escaped", "x"))], "BPK5001"),
        new("run: absolute entry", s => ["run", Tarball.Write(s.Combine("abs.tgz"), Tarball.File("/tmp/escaped-" + s.Mark, "x"))], "BPK5001"),
        new("run: write through a symlink", s => ["run", Tarball.Write(s.Combine("link.tgz"), Tarball.Directory("./app/"), Tarball.Symlink("./app/out", s.Combine("outside")), Tarball.File("./app/out/x", "x"))], "BPK5001"),
        new("run: hard link to a host file", s => ["run", Tarball.Write(s.Combine("hard.tgz"), Tarball.HardLink("./app/passwd", "/etc/passwd"))], "BPK5001"),
        new("run: device entry", s => ["run", Tarball.Write(s.Combine("dev.tgz"), Tarball.CharacterDevice("./app/null"))], "BPK5001"),
        new("run: expands past the cap", s => ["run", Tarball.Write(s.Combine("zeros.tgz"), Tarball.Zeros("./app/zeros", 3 << 20)), "--max-extract-size", "1M"], "BPK5040"),
        new("run: no such process type", s => ["run", s.StagedDroplet(), "--process", "worker"], "BPK5003"),
        new("run: a good droplet", s => ["run", s.StagedDroplet("echo ran")], null, 0),
    ];

    public static TheoryData<string> Names => [.. All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public Task Case(string name) => HardeningRunner.RunAsync(All.Single(c => c.Name == name));

    private static string Bom(string buildpack, string script)
    {
        var file = Path.Combine(buildpack, "bin", script);
        File.WriteAllBytes(file, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(file)]);
        return buildpack;
    }

    private static string Gzip(HardeningScene scene, string name, byte[] content)
    {
        var path = scene.Combine(name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(content);
        return path;
    }

    private static string Truncated(HardeningScene scene)
    {
        var good = File.ReadAllBytes(Tarball.Write(scene.Combine("whole.tgz"), Tarball.Directory("./app/"), Tarball.File("./app/data", new string('d', 20000)), Tarball.File("./staging_info.yml", "start_command: x\n")));
        return scene.WriteBytes("truncated.tgz", good[..(good.Length / 2)]);
    }
}
