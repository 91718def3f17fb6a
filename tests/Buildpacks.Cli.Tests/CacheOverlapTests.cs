using Buildpacks.Cli.Tests.Support;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Cli.Tests;

/// <summary>
/// A staging replaces its cache directory as a whole, and buildpacks empty caches (<c>rm -rf "$2"/*</c>), so a cache
/// directory that overlaps anything else would take it along. Such caches are refused before anything runs.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class CacheOverlapTests : IDisposable
{
    private readonly StagingScene _scene = new();

    public void Dispose() => _scene.Dispose();

    [Theory]
    [InlineData(".")]
    [InlineData("./")]
    [InlineData("app")]
    [InlineData("app/")]
    [InlineData("./app//")]
    [InlineData("app-link")]
    [InlineData("app-link/")]
    [InlineData("app/cache")]
    [InlineData("app-link/cache")]
    public async Task A_cache_that_is_holds_or_lies_in_the_app_is_refused_and_the_work_dir_stays_as_it_was(string cache)
    {
        File.CreateSymbolicLink(Path.Combine(_scene.Work, "app-link"), "app");
        File.WriteAllText(Path.Combine(_scene.Work, "notes.txt"), "mine");
        var before = TreeState.Of(_scene.Work);

        var run = await _scene.StageAsync("--cache-dir", cache);

        StagingScene.AssertRefused(run, "BPK1071");
        Assert.Contains("app directory", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, TreeState.Of(_scene.Work));
        Assert.Empty(Directory.GetFileSystemEntries(_scene.TempDirectory));
    }

    [Fact]
    public async Task A_cache_that_holds_the_droplet_is_refused_and_the_earlier_droplet_stays()
    {
        var droplet = Path.Combine(_scene.Work, "c", "out.tgz");
        var earlier = StagingScene.WriteEarlier(droplet);
        var before = TreeState.Of(_scene.Work);

        var run = await _scene.StageAsync("--output", "c/out.tgz", "--cache-dir", "c");

        StagingScene.AssertRefused(run, "BPK1071");
        Assert.Contains("droplet", run.Error, StringComparison.Ordinal);
        Assert.Equal(earlier, File.ReadAllBytes(droplet));
        Assert.Equal(before, TreeState.Of(_scene.Work));
    }

    [Fact]
    public async Task A_cache_inside_a_local_buildpack_is_refused_and_the_buildpack_stays_as_it_was()
    {
        var buildpack = Path.Combine(_scene.Work, "bp");
        CopyFixture("cache-wiper", buildpack);
        var before = TreeState.Of(_scene.Work);

        var run = await CliProcess.RunAsync(
            ["stage", _scene.App, "-b", "bp", "-o", _scene.Droplet, "--cache-dir", "bp/cache", "--log-format", "plain"], _scene.Environment, _scene.Work);

        StagingScene.AssertRefused(run, "BPK1071");
        Assert.Contains("buildpack", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, TreeState.Of(_scene.Work));
    }

    [Fact]
    public async Task The_temporary_directory_as_the_cache_is_refused()
    {
        var run = await _scene.StageAsync("-o", _scene.Droplet, "--cache-dir", _scene.TempDirectory + "/");

        StagingScene.AssertRefused(run, "BPK1071");
        Assert.Contains("TMPDIR", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_scene.Droplet));
    }

    [Fact]
    public async Task A_cache_that_holds_the_current_directory_is_refused()
    {
        var elsewhere = _scene.Combine("elsewhere", "cwd");
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Combine(elsewhere, "notes.txt"), "mine");
        var before = TreeState.Of(_scene.Combine("elsewhere"));

        var run = await CliProcess.RunAsync(
            ["stage", _scene.App, "-b", Repository.FixtureBuildpack("cache-wiper"), "-o", _scene.Droplet, "--cache-dir", "..", "--log-format", "plain"],
            _scene.Environment,
            elsewhere);

        StagingScene.AssertRefused(run, "BPK1071");
        Assert.Contains("current directory", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, TreeState.Of(_scene.Combine("elsewhere")));
    }

    [Fact]
    public async Task A_cache_beside_the_app_and_reached_through_a_symlink_is_used_and_kept()
    {
        Directory.CreateDirectory(Path.Combine(_scene.Work, "caches"));
        File.CreateSymbolicLink(Path.Combine(_scene.Work, "caches-link"), "caches");

        var first = await _scene.StageAsync("-o", _scene.Droplet, "--cache-dir", "caches-link/app/");
        var second = await _scene.StageAsync("-o", _scene.Droplet, "--cache-dir", "caches/app");

        Assert.True(first.ExitCode == 0, CliProcess.Describe(first));
        Assert.True(second.ExitCode == 0, CliProcess.Describe(second));
        Assert.Equal("2\n", DropletContents.TextOf(_scene.Droplet, "./app/cache-count"));
        Assert.Equal(["app", "app.lock"], StagingScene.Names(Path.Combine(_scene.Work, "caches")));
        Assert.True(new FileInfo(Path.Combine(_scene.Work, "caches-link")).LinkTarget is not null, "the symlink to the caches stays a symlink");
        Assert.Empty(Directory.GetFileSystemEntries(_scene.TempDirectory));
    }

    private static void CopyFixture(string name, string target)
    {
        Directory.CreateDirectory(Path.Combine(target, "bin"));
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.FixtureBuildpack(name), "bin")))
        {
            var copy = Path.Combine(target, "bin", Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetUnixFileMode(copy, File.GetUnixFileMode(file));
        }
    }
}
