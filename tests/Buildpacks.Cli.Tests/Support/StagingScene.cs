using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Cli.Tests.Support;

/// <summary>
/// A user's working directory for CLI stagings: an app, an output folder and a TMPDIR of the staging's own, with
/// the checks that a refused or failed staging cost nothing: one coded error line and no stack trace, the app and
/// every earlier output as they were, no temporary files anywhere.
/// </summary>
public sealed class StagingScene : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly List<TmpfsMount> _mounts = [];

    public StagingScene()
    {
        Work = _temp.Combine("work");
        App = Path.Combine(Work, "app");
        Directory.CreateDirectory(App);
        File.WriteAllText(Path.Combine(App, "index.txt"), "hi");
        Directory.CreateDirectory(Path.Combine(App, "static"));
        File.WriteAllText(Path.Combine(App, "static", "site.css"), "body {}");
        Droplet = Path.Combine(Work, "out", "app.droplet.tgz");
        TempDirectory = _temp.Combine("tmp");
        Directory.CreateDirectory(TempDirectory);
    }

    /// <summary>The current directory of the CLI.</summary>
    public string Work { get; }

    public string App { get; }

    /// <summary>The droplet the staging writes unless a test says otherwise.</summary>
    public string Droplet { get; }

    /// <summary>The staging's TMPDIR, empty unless a staging leaves something behind.</summary>
    public string TempDirectory { get; }

    public Dictionary<string, string?> Environment => new() { ["TMPDIR"] = TempDirectory };

    public string Combine(params string[] parts) => _temp.Combine(parts);

    public TmpfsMount Mount(string path, string size, bool readOnly = false)
    {
        var mount = new TmpfsMount(path, size, readOnly);
        _mounts.Add(mount);
        return mount;
    }

    /// <summary>Stages <see cref="App"/> from <see cref="Work"/> with the cache-wiper buildpack.</summary>
    public Task<CliRun> StageAsync(params string[] arguments) =>
        CliProcess.RunAsync(["stage", App, "-b", Repository.FixtureBuildpack("cache-wiper"), "--log-format", "plain", .. arguments], Environment, Work);

    /// <summary>Bytes at <paramref name="path"/> that stand for the droplet of an earlier staging.</summary>
    public static byte[] WriteEarlier(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = System.Text.Encoding.UTF8.GetBytes("the droplet of an earlier staging " + Guid.NewGuid());
        File.WriteAllBytes(path, bytes);
        return bytes;
    }

    /// <summary>Exit code 1, exactly one error line with <paramref name="code"/>, no stack trace, and the buildpack never ran.</summary>
    public static void AssertRefused(CliRun run, string code)
    {
        AssertFailed(run, code);
        Assert.DoesNotContain("-----> compile", run.Output, StringComparison.Ordinal);
    }

    /// <summary>Exit code 1, exactly one error line with <paramref name="code"/>, and no stack trace.</summary>
    public static void AssertFailed(CliRun run, string code)
    {
        Assert.True(run.ExitCode == 1, CliProcess.Describe(run));
        var errors = run.Error.Split('\n').Where(line => line.Contains(" error BPK", StringComparison.Ordinal) || line.StartsWith("error BPK", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 1 && errors[0].Contains($"error {code}: ", StringComparison.Ordinal), CliProcess.Describe(run));
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Droplet written", run.Output, StringComparison.Ordinal);
    }

    /// <summary>The names in <paramref name="directory"/>, hidden ones included, in order.</summary>
    public static string[] Names(string directory) =>
        [.. Directory.GetFileSystemEntries(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public void Dispose()
    {
        foreach (var mount in _mounts)
        {
            mount.Dispose();
        }

        _temp.Dispose();
    }
}
