namespace Buildpacks.Cli.Tests.Hardening;

/// <summary><c>stage</c> given wrong paths, options and variables: refused with a code before any buildpack runs.</summary>
[Trait("Category", "EndToEnd")]
public sealed class StageInputCases
{
    private const string Secret = "s3cr3t-Tok3n-9f2";

    public static readonly HardeningCase[] All =
    [
        new("app directory missing", s => s.Stage(app: s.Combine("work", "nope")), "BPK1001"),
        new("app directory is a file", s => s.Stage(app: s.Write("work/file-app", "x")), "BPK1001"),
        new("buildpack directory missing", s => s.Stage(buildpack: s.Combine("nope")), "BPK1002"),
        new("buildpack without bin", s => s.Stage(buildpack: Directory.CreateDirectory(s.Combine("empty-bp")).FullName), "BPK1003"),
        new("script not executable", s => s.Stage(buildpack: NotExecutable(s)), "BPK1004"),
        new("script with CRLF line endings", s => s.Stage(buildpack: s.Compile("echo hi\r\necho there\r")), "BPK1005"),
        new("script with a UTF-8 BOM", s => s.Stage(buildpack: WithBom(s)), "BPK1090"),
        new("no buildpack and no candidate", s => s.Stage(buildpack: ""), "BPK1080"),
        new("output is the app directory", s => s.Stage(output: s.App), "BPK1072"),
        new("output is an existing directory", s => s.Stage(output: Directory.CreateDirectory(s.Combine("work", "out", "dir")).FullName), "BPK1072"),
        new("output under a file", s => s.Stage(output: Path.Combine(s.Droplet, "x.tgz")), "BPK1072"),
        new("output is /dev/null", s => s.Stage(output: "/dev/null"), "BPK1072"),
        new("output on a read-only file system", s => s.Stage(output: Path.Combine(s.Mount(s.Combine("ro"), "1m", readOnly: true).Path, "app.tgz")), "BPK1072"),
        new("result is the droplet", s => s.Stage(extra: ["--result", s.Droplet]), "BPK1072"),
        new("result is a directory", s => s.Stage(extra: ["--result", s.Combine("work", "out")]), "BPK1072"),
        new("cache is the app directory", s => s.Stage(cache: s.App), "BPK1071"),
        new("cache is the current directory", s => s.Stage(cache: "."), "BPK1071"),
        new("cache inside the app", s => s.Stage(cache: Path.Combine(s.App, "static")), "BPK1071"),
        new("cache holds the droplet", s => s.Stage(cache: s.Combine("work", "out")), "BPK1071"),
        new("cache is TMPDIR", s => s.Stage(cache: s.TempDirectory), "BPK1071"),
        new("cache is the buildpack", s => s.Stage(buildpack: s.Compile("true"), cache: s.Combine("buildpacks")), "BPK1071"),
        new("cache is a symlink to the app", s => s.Stage(cache: Link(s.Combine("caches", "link"), s.App)), "BPK1071"),
        new("cache is a file", s => s.Stage(cache: s.Write("caches/file", "not a directory")), "BPK1073"),
        new("cache locked by another staging", s => s.Stage(cache: HeldCache(s)), "BPK1070"),
        new("variable name holds a secret", s => s.Stage(extra: ["-e", Secret]), "BPK1010") { Secret = Secret },
        new("env file line holds a secret", s => s.Stage(extra: ["--env-file", s.Write("bad.env", $"OK=1\nAPI_TOKEN {Secret}\n")]), "BPK1011") { Secret = Secret },
        new("env file missing", s => s.Stage(extra: ["--env-file", s.Combine("none.env")]), "BPK1011"),
        new("env file is a directory", s => s.Stage(extra: ["--env-file", s.Combine("work")]), "BPK1011"),
        new("env value over 128 KiB", s => s.Stage(extra: ["--env-file", s.Write("big.env", "CERT=" + HardeningScene.Repeat(Secret, 140 << 10))]), "BPK1076") { Secret = Secret + Secret },
        new("environment over 1 MiB", s => s.Stage(extra: ["--env-file", s.Write("many.env", string.Concat(Enumerable.Range(0, 10).Select(i => $"V{i}={new string('v', 120 << 10)}\n")))]), "BPK1076"),
        new("timeout not a duration", s => s.Stage(extra: ["--timeout", "soon"]), "BPK1083"),
        new("timeout zero", s => s.Stage(extra: ["--timeout", "0"]), "BPK1083"),
        new("layout unknown", s => s.Stage(extra: ["--layout", "docker"]), "BPK1081"),
        new("procfile mode unknown", s => s.Stage(extra: ["--procfile-mode", "append"]), "BPK1082"),
        new("process type without command", s => s.Stage(extra: ["--process", "web="]), "BPK1084"),
        new("time stamp unreadable", s => s.Stage(extra: ["--timestamp", "yesterday"]), "BPK1085"),
        new("log format unknown", s => ["detect", s.App, "-c", HardeningScene.CacheWiper, "--log-format", "xml"], "BPK1120") { OptionError = true },
        new("app file unreadable for the user", s => s.Stage(app: Unreadable(s)), "BPK1074") { AsNobody = true },
        new("app Procfile is a fifo", s => s.Stage(app: WithFifo(s, "Procfile")), null, 0) { Warning = "BPK1091" },
        new("app Procfile is a directory", s => s.Stage(app: WithDirectory(s, "Procfile")), "BPK1092"),
        new("app Procfile line holds a secret", s => s.Stage(app: WithProcfile(s, $"web: ./start\nTOKEN={Secret}\n")), "BPK1030") { Secret = Secret },
    ];

    public static TheoryData<string> Names => [.. All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public Task Case(string name) => HardeningRunner.RunAsync(All.Single(c => c.Name == name));

    private static string NotExecutable(HardeningScene scene)
    {
        var buildpack = scene.Compile("true");
        File.SetUnixFileMode(Path.Combine(buildpack, "bin", "compile"), (UnixFileMode)0b110_100_100);
        return buildpack;
    }

    private static string WithBom(HardeningScene scene)
    {
        var buildpack = scene.Compile("true");
        var compile = Path.Combine(buildpack, "bin", "compile");
        File.WriteAllBytes(compile, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(compile)]);
        return buildpack;
    }

    private static string Link(string path, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
        return path;
    }

    // The test process holds the lock as another staging would: an exclusive open is an flock on Linux.
    private static string HeldCache(HardeningScene scene)
    {
        scene.Hold(new FileStream(scene.Cache + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        return scene.Cache;
    }

    public static string Fifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path])!;
        mkfifo.WaitForExit();
        return path;
    }

    private static string Unreadable(HardeningScene scene)
    {
        var secret = Path.Combine(scene.App, "secret.key");
        File.WriteAllText(secret, "key");
        File.SetUnixFileMode(secret, UnixFileMode.UserWrite);
        return scene.App;
    }

    public static string WithFifo(HardeningScene scene, string name)
    {
        Fifo(Path.Combine(scene.App, name));
        return scene.App;
    }

    private static string WithDirectory(HardeningScene scene, string name)
    {
        Directory.CreateDirectory(Path.Combine(scene.App, name));
        return scene.App;
    }

    private static string WithProcfile(HardeningScene scene, string content)
    {
        File.WriteAllText(Path.Combine(scene.App, "Procfile"), content);
        return scene.App;
    }
}
