using System.Text;

namespace Buildpacks.Cli.Tests.Hardening;

/// <summary>
/// The world of one hardening case: an app with files of several modes and a link, an earlier droplet at the output
/// path, a cache that earlier stagings filled, a TMPDIR of its own, and a mark every process of the case carries in
/// its environment, so the case can tell afterwards whether anything it started still runs.
/// </summary>
public sealed class HardeningScene : IDisposable
{
    private readonly TempDirectory _temp = new("bpk-hard-");
    private readonly List<TmpfsMount> _mounts = [];
    private readonly List<IDisposable> _holds = [];

    public HardeningScene()
    {
        Work = _temp.Combine("work");
        App = Path.Combine(Work, "app");
        Directory.CreateDirectory(Path.Combine(App, "static", "empty"));
        File.WriteAllText(Path.Combine(App, "index.txt"), "hi");
        File.WriteAllText(Path.Combine(App, "static", "site.css"), "body {}");
        File.WriteAllText(Path.Combine(App, "start"), "#!/bin/sh\necho started\n");
        File.SetUnixFileMode(Path.Combine(App, "start"), (UnixFileMode)0b111_101_101);
        File.WriteAllText(Path.Combine(App, "private.cfg"), "mode 600");
        File.SetUnixFileMode(Path.Combine(App, "private.cfg"), (UnixFileMode)0b110_000_000);
        File.CreateSymbolicLink(Path.Combine(App, "home.txt"), "index.txt");
        Droplet = Path.Combine(Work, "out", "app.droplet.tgz");
        Directory.CreateDirectory(Path.GetDirectoryName(Droplet)!);
        File.WriteAllText(Droplet, "the droplet of an earlier staging " + Mark);
        Cache = _temp.Combine("caches", "app");
        Directory.CreateDirectory(Path.Combine(Cache, "deps"));
        File.WriteAllText(Path.Combine(Cache, "count"), "4\n");
        File.WriteAllText(Path.Combine(Cache, "deps", "sdk.tar"), new string('s', 4096));
        TempDirectory = _temp.Combine("tmp");
        Directory.CreateDirectory(TempDirectory);
    }

    /// <summary>Set in the CLI's environment and given to buildpacks; <see cref="Buildpack"/> scripts export it too.</summary>
    public string Mark { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The CLI's current directory.</summary>
    public string Work { get; }

    public string App { get; }

    /// <summary>The output path of <see cref="Stage"/>, holding an earlier droplet.</summary>
    public string Droplet { get; }

    /// <summary>The cache of <see cref="Stage"/>, as stagings with the cache-wiper left it (count 4).</summary>
    public string Cache { get; }

    /// <summary>TMPDIR of the CLI.</summary>
    public string TempDirectory { get; }

    /// <summary>The droplet path the case's command writes (set by <see cref="Stage"/>), checked after the run.</summary>
    public string? Output { get; set; }

    /// <summary>The cache directory the case's command uses (set by <see cref="Stage"/>), checked after the run.</summary>
    public string? UsedCache { get; set; }

    public static string CacheWiper => Repository.FixtureBuildpack("cache-wiper");

    public Dictionary<string, string?> Environment => new() { ["TMPDIR"] = TempDirectory, ["HARDENING_MARK"] = Mark };

    public string Combine(params string[] parts) => _temp.Combine(parts);

    public string Write(string relative, string content) => _temp.Write(relative, content);

    /// <summary>
    /// <c>stage</c> arguments: the app, the buildpack, the earlier droplet's path and the cache unless
    /// <paramref name="extra"/> replaces them (null drops one), then <paramref name="extra"/>.
    /// </summary>
    public string[] Stage(string? buildpack = null, string? app = null, string? output = null, string? cache = null, bool noCache = false, string[]? extra = null)
    {
        Output = output ?? Droplet;
        UsedCache = noCache ? null : cache ?? Cache;
        List<string> arguments = ["stage", app ?? App, "-o", Output, "--log-format", "plain", "-e", "HARDENING_MARK=" + Mark];
        if (buildpack != "")
        {
            arguments.AddRange(["-b", buildpack ?? CacheWiper]);
        }

        if (UsedCache is not null)
        {
            arguments.AddRange(["--cache-dir", UsedCache]);
        }

        return [.. arguments, .. extra ?? []];
    }

    /// <summary>A buildpack of bash scripts (name, body) that export the mark first; bin/detect and bin/release get defaults.</summary>
    public string Buildpack(params (string Script, string Body)[] scripts)
    {
        var directory = _temp.Combine("buildpacks", "bp" + Guid.NewGuid().ToString("N")[..6]);
        var all = scripts.ToDictionary(s => s.Script, s => s.Body);
        all.TryAdd("detect", "echo Hostile");
        all.TryAdd("release", "printf -- '---\\ndefault_process_types:\\n  web: ./start\\n'");
        foreach (var (script, body) in all)
        {
            var file = Path.Combine(directory, "bin", script);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, $"#!/usr/bin/env bash\nexport HARDENING_MARK={Mark}\n{body}\n");
            File.SetUnixFileMode(file, (UnixFileMode)0b111_101_101);
        }

        return directory;
    }

    /// <summary>A buildpack whose bin/compile runs <paramref name="body"/>.</summary>
    public string Compile(string body) => Buildpack(("compile", body));

    /// <summary>A file of raw bytes, for droplets that are not.</summary>
    public string WriteBytes(string relative, byte[] bytes)
    {
        var file = Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, bytes);
        return file;
    }

    /// <summary>A real droplet of the app staged with the cache-wiper, web process <paramref name="web"/>.</summary>
    public string StagedDroplet(string web = "echo ran")
    {
        var path = Combine("droplets", "good.droplet.tgz");
        Tarball.Write(
            path,
            Tarball.Directory("./app/"),
            Tarball.File("./app/index.txt", "hi"),
            Tarball.File("./staging_info.yml", $$"""{"detected_buildpack":"test","start_command":"{{web}}"}"""));
        return path;
    }

    public TmpfsMount Mount(string path, string size, bool readOnly = false)
    {
        var mount = new TmpfsMount(path, size, readOnly);
        _mounts.Add(mount);
        return mount;
    }

    /// <summary>Keeps <paramref name="resource"/> (a held lock, a fifo writer) until the case ends.</summary>
    public void Hold(IDisposable resource) => _holds.Add(resource);

    /// <summary>Lets go of what <see cref="Hold"/> kept, before the next staging.</summary>
    public void ReleaseHolds()
    {
        foreach (var hold in _holds)
        {
            hold.Dispose();
        }

        _holds.Clear();
    }

    public static string Repeat(string text, int bytes)
    {
        var builder = new StringBuilder(bytes + text.Length);
        while (builder.Length < bytes)
        {
            builder.Append(text);
        }

        return builder.ToString();
    }

    public void Dispose()
    {
        foreach (var hold in _holds)
        {
            hold.Dispose();
        }

        foreach (var mount in _mounts)
        {
            mount.Dispose();
        }

        _temp.Dispose();
    }
}
