namespace Buildpacks.Cli.Tests.Hardening;

/// <summary>
/// <c>stage</c> with apps and buildpacks that do odd or hostile things: either the documented success (the droplet whole,
/// the cache replaced whole) or a coded failure that costs nothing.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class StageBuildpackCases
{
    private const string Secret = "s3cr3t-Rel3ase-77";

    public static readonly HardeningCase[] All =
    [
        new("app holds a fifo", s => s.Stage(app: StageInputCases.WithFifo(s, "pipe")), null, 0) { Warning = "BPK1091" },
        new("app links out of itself", s => s.Stage(app: WithLinks(s, ("passwd", "/etc/passwd"), ("up", "../../.."))), null, 0) { Then = (s, _) => AssertLinkKept(s, "./app/passwd", "/etc/passwd") },
        new("app holds a dangling link", s => s.Stage(app: WithLinks(s, ("gone", "nowhere/at/all"))), null, 0),
        new("app is empty", s => s.Stage(app: Directory.CreateDirectory(s.Combine("work", "empty")).FullName), null, 0),
        new("app names with newline, unicode and dashes", s => s.Stage(app: OddNames(s)), null, 0),
        new("cache directory not there yet", s => s.Stage(cache: s.Combine("caches", "new", "cache")), null, 0),
        new("cache lock file left unlocked", s => s.Stage(cache: StaleLock(s)), null, 0),
        new("cache holds a fifo and a dangling link", s => s.Stage(cache: CorruptCache(s)), null, 0),
        new("compile leaves daemons", s => s.Stage(buildpack: s.Compile("nohup sleep 300 >/dev/null 2>&1 &\nsetsid sleep 300 &\n( sleep 300 </dev/null >/dev/null 2>&1 & )")), null, 0),
        new("compile makes a fifo in the app", s => s.Stage(buildpack: s.Compile("mkfifo \"$1/pipe\"")), null, 0) { Warning = "BPK1091" },
        new("compile prints a 4 MB line", s => s.Stage(buildpack: s.Compile("head -c 4000000 /dev/zero | tr '\\0' x; echo")), null, 0),
        new("compile prints 100000 lines", s => s.Stage(buildpack: s.Compile("seq 100000")), null, 0),
        new("compile deletes its own buildpack", s => s.Stage(buildpack: s.Compile("rm -rf \"$(cd \"$(dirname \"$0\")/..\" && pwd)\"")), null, 0),
        new("compile links app files out of the build", s => s.Stage(buildpack: s.Compile("ln -s /etc/shadow \"$1/shadow\"; ln -s / \"$1/root\"")), null, 0) { Then = (s, _) => AssertLinkKept(s, "./app/shadow", "/etc/shadow") },
        // As root the build directory is an overlay mount point, which rm cannot remove (EBUSY): the compile fails cleanly.
        Environment.IsPrivilegedProcess
            ? new("compile replaces the build dir with a link to /", s => s.Stage(buildpack: s.Compile("cd /; rm -rf \"$1\"; ln -s / \"$1\"")), "BPK1021", 223)
            : new("compile replaces the build dir with a link to /", s => s.Stage(buildpack: s.Compile("cd /; rm -rf \"$1\"; ln -s / \"$1\"")), null, 0) { Then = (s, _) => AssertLinkKept(s, "./app", "/") },
        new("compile removes the cache directory", s => s.Stage(buildpack: s.Compile("rm -rf \"$2\"")), null, 0),
        new("compile makes the cache unreadable", s => s.Stage(buildpack: s.Compile("mkdir -p \"$2/locked\"; chmod 000 \"$2/locked\" \"$2\"")), null, 0),
        new("compile exits 1", s => s.Stage(buildpack: s.Compile("echo half > \"$2/count\"; exit 1")), "BPK1021", 223),
        new("compile killed by SIGKILL", s => s.Stage(buildpack: s.Compile("rm -rf \"$2\"/*; kill -KILL $$")), "BPK1021", 223),
        new("compile hangs past the timeout", s => s.Stage(buildpack: s.Compile("sleep 300 &\necho waiting\nwait"), extra: ["--timeout", "2s"]), "BPK1040"),
        new("compile writes a Procfile fifo", s => s.Stage(buildpack: s.Compile("mkfifo \"$1/Procfile\"")), "BPK1092"),
        new("compile writes a Procfile with a secret", s => s.Stage(buildpack: s.Compile($"printf 'web: ./start\\nbroken line {Secret}\\n' > \"$1/Procfile\"")), "BPK1030") { Secret = Secret },
        new("compile fills TMPDIR", s => s.Stage(buildpack: s.Compile("head -c 3000000 /dev/zero > \"$TMPDIR/fill\""), extra: ["--timestamp", MountTemp(s)]), "BPK1021", 223),
        new("no candidate detects", s => s.Stage(buildpack: "", extra: ["-c", s.Buildpack(("detect", "exit 1"), ("compile", "true"))]), "BPK1020", 222),
        new("detect prints a megabyte and accepts", s => s.Stage(buildpack: "", extra: ["-c", s.Buildpack(("detect", "head -c 1000000 /dev/zero | tr '\\0' n; echo"), ("compile", "true"))]), null, 0),
        new("release exits 1", s => s.Stage(buildpack: s.Buildpack(("compile", "true"), ("release", "echo oops; exit 1"))), "BPK1024", 224),
        new("release prints invalid YAML", s => s.Stage(buildpack: s.Buildpack(("compile", "true"), ("release", "echo 'default_process_types: [web: {'"))), "BPK1025", 224),
        new("release prints a list", s => s.Stage(buildpack: s.Buildpack(("compile", "true"), ("release", "echo '- a'; echo '- b'"))), "BPK1025", 224),
        new("release prints 20 MB", s => s.Stage(buildpack: s.Buildpack(("compile", "true"), ("release", "echo '---'; yes '# filler filler filler filler filler' | head -c 20000000"))), "BPK1240", 224),
        new("release prints an unclosed flow map", s => s.Stage(buildpack: s.Buildpack(("compile", "true"), ("release", "echo \"config_vars: {TOKEN: $API_TOKEN\"")), extra: ["-e", "API_TOKEN=" + Secret]), "BPK1025", 224),
        new("supply fails", s => s.Stage(buildpack: s.Buildpack(("supply", "exit 3"), ("compile", "true")), extra: ["-b", s.Compile("true")]), "BPK1022", 225),
        new("non-final buildpack without supply", s => s.Stage(buildpack: s.Compile("true"), extra: ["-b", s.Compile("true")]), "BPK1023", 225),
    ];

    public static TheoryData<string> Names => [.. All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public Task Case(string name) => HardeningRunner.RunAsync(All.Single(c => c.Name == name));

    private static string WithLinks(HardeningScene scene, params (string Name, string Target)[] links)
    {
        foreach (var (name, target) in links)
        {
            File.CreateSymbolicLink(Path.Combine(scene.App, name), target);
        }

        return scene.App;
    }

    private static void AssertLinkKept(HardeningScene scene, string entry, string target)
    {
        var entries = DropletContents.ByName(scene.Droplet);
        Assert.Equal(target, entries[entry].LinkName);
        Assert.DoesNotContain(entries.Keys, name => name.Contains("root:", StringComparison.Ordinal) || name.StartsWith("./app/etc/", StringComparison.Ordinal));
    }

    private static string OddNames(HardeningScene scene)
    {
        foreach (var name in new[] { "new\nline", "ünïcødé 文件", "-rf", " lead", "trail ", "*?[" })
        {
            File.WriteAllText(Path.Combine(scene.App, name), name);
        }

        return scene.App;
    }

    private static string StaleLock(HardeningScene scene)
    {
        File.WriteAllText(scene.Cache + ".lock", "");
        return scene.Cache;
    }

    private static string CorruptCache(HardeningScene scene)
    {
        StageInputCases.Fifo(Path.Combine(scene.Cache, "deps", "pipe"));
        File.CreateSymbolicLink(Path.Combine(scene.Cache, "dangling"), "/nowhere/at/all");
        File.CreateSymbolicLink(Path.Combine(scene.Cache, "loop"), "loop");
        return scene.Cache;
    }

    // A TMPDIR of 2 MB: the buildpack runs out of space, not the engine. Returns a time stamp to keep the call one expression.
    private static string MountTemp(HardeningScene scene)
    {
        scene.Mount(scene.TempDirectory, "2m");
        return "0";
    }
}
