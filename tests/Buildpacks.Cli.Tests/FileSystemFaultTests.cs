using Buildpacks.Cli.Tests.Support;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Cli.Tests;

/// <summary>
/// Faults of the machine rather than of the buildpack: unreadable app files, full file systems, an environment too
/// large for a process. Each is one coded error line that says what to do, never a stack trace, and costs nothing.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class FileSystemFaultTests : IDisposable
{
    private readonly StagingScene _scene = new();

    public void Dispose() => _scene.Dispose();

    [Theory]
    [InlineData("secret.key")]
    [InlineData("private")]
    public async Task An_app_entry_the_user_cannot_read_is_a_coded_error_naming_it(string entry)
    {
        var path = Path.Combine(_scene.App, entry);
        if (entry == "private")
        {
            Directory.CreateDirectory(path);
            File.WriteAllText(Path.Combine(path, "data"), "x");
        }
        else
        {
            File.WriteAllText(path, "x");
        }

        File.SetUnixFileMode(path, UnixFileMode.UserWrite);
        OpenToEveryone(_scene.Work, _scene.TempDirectory);
        var before = TreeState.Of(_scene.Work);

        var run = await CliProcess.RunAsync(
            ["stage", _scene.App, "-b", Repository.FixtureBuildpack("cache-wiper"), "-o", _scene.Droplet, "--log-format", "plain"],
            _scene.Environment,
            _scene.Work,
            asNobody: true);

        StagingScene.AssertRefused(run, "BPK1074");
        Assert.Contains($"'{path}'", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, TreeState.Of(_scene.Work));
        Assert.Empty(Directory.GetFileSystemEntries(_scene.TempDirectory));
    }

    [Fact]
    public async Task No_space_left_in_TMPDIR_is_a_coded_error_and_the_workspace_is_removed()
    {
        var small = _scene.Mount(_scene.TempDirectory, "1m");
        File.WriteAllBytes(Path.Combine(_scene.App, "big.bin"), new byte[2 << 20]);
        // As root the app is overlay-mounted, not copied: TMPDIR is filled up so that copying the buildpack fails too.
        small.Fill(free: 0);
        var before = TreeState.Of(_scene.Work);

        var run = await _scene.StageAsync("-o", _scene.Droplet);

        StagingScene.AssertRefused(run, "BPK1075");
        Assert.Contains("no space left", run.Error, StringComparison.Ordinal);
        Assert.Contains("TMPDIR", run.Error, StringComparison.Ordinal);
        Assert.Equal(["filler"], Directory.GetFileSystemEntries(small.Path).Select(Path.GetFileName));
        Assert.Equal(before, TreeState.Of(_scene.Work));
    }

    [Fact]
    public async Task No_space_left_for_the_cache_copy_is_a_coded_error_and_the_cache_stays_usable()
    {
        var disk = _scene.Mount(_scene.Combine("cache-disk"), "2m");
        var cache = Path.Combine(disk.Path, "cache");
        var first = await _scene.StageAsync("-o", _scene.Droplet, "--cache-dir", cache);
        Assert.True(first.ExitCode == 0, CliProcess.Describe(first));
        File.WriteAllBytes(Path.Combine(cache, "blob"), new byte[600 << 10]);
        var filler = disk.Fill(free: 300 << 10);
        var cacheBefore = TreeState.Of(cache);
        var earlier = File.ReadAllBytes(_scene.Droplet);

        var run = await _scene.StageAsync("-o", _scene.Droplet, "--cache-dir", cache);

        if (Environment.IsPrivilegedProcess)
        {
            // As root the cache is overlay-mounted, not copied: a nearly full disk around an unchanged cache is no fault.
            Assert.True(run.ExitCode == 0, CliProcess.Describe(run));
            Assert.Equal("2\n", DropletContents.TextOf(_scene.Droplet, "./app/cache-count"));
            Assert.Equal(["cache", "cache.lock", "filler"], StagingScene.Names(disk.Path));
            return;
        }

        StagingScene.AssertRefused(run, "BPK1073");
        Assert.Contains("no space left", run.Error, StringComparison.Ordinal);
        Assert.Equal(cacheBefore, TreeState.Of(cache));
        Assert.Equal(["cache", "cache.lock", "filler"], StagingScene.Names(disk.Path));
        Assert.Equal(earlier, File.ReadAllBytes(_scene.Droplet));
        Assert.Empty(Directory.GetFileSystemEntries(_scene.TempDirectory));

        File.Delete(filler);
        var next = await _scene.StageAsync("-o", _scene.Droplet, "--cache-dir", cache);
        Assert.True(next.ExitCode == 0, CliProcess.Describe(next));
        Assert.Equal("2\n", DropletContents.TextOf(_scene.Droplet, "./app/cache-count"));
    }

    [Fact]
    public async Task An_env_value_over_128_KiB_is_refused_before_anything_runs_without_echoing_it()
    {
        var envFile = _scene.Combine("big.env");
        File.WriteAllText(envFile, "SMALL=ok\nBIG_CERT=" + new string('q', 140 * 1024) + "\n");
        var before = TreeState.Of(_scene.Work);

        var run = await _scene.StageAsync("-o", _scene.Droplet, "--env-file", envFile);

        StagingScene.AssertRefused(run, "BPK1076");
        Assert.Contains("BIG_CERT", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("qqqq", run.Error + run.Output, StringComparison.Ordinal);
        Assert.Equal(before, TreeState.Of(_scene.Work));
        Assert.Empty(Directory.GetFileSystemEntries(_scene.TempDirectory));
    }

    [Fact]
    public async Task An_env_value_just_under_the_limit_reaches_the_buildpack()
    {
        var envFile = _scene.Combine("big.env");
        var value = new string('q', (128 * 1024) - "BIG_CERT=".Length - 1);
        File.WriteAllText(envFile, "BIG_CERT=" + value + "\n");
        File.WriteAllText(Path.Combine(_scene.App, "compile-hook.sh"), "printf '%s' \"$BIG_CERT\" | wc -c > length\n");

        var run = await _scene.StageAsync("-o", _scene.Droplet, "--env-file", envFile);

        Assert.True(run.ExitCode == 0, CliProcess.Describe(run));
        Assert.Equal(value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), DropletContents.TextOf(_scene.Droplet, "./app/length").Trim());
    }

    // nobody must reach the work dir and write the output and TMPDIR.
    private static void OpenToEveryone(params string[] directories)
    {
        foreach (var directory in directories)
        {
            for (var current = directory; current != Path.GetTempPath().TrimEnd('/'); current = Path.GetDirectoryName(current)!)
            {
                File.SetUnixFileMode(current, File.GetUnixFileMode(current) | UnixFileMode.OtherRead | UnixFileMode.OtherExecute | UnixFileMode.OtherWrite);
            }
        }
    }
}
