using System.Diagnostics;
using Buildpacks.Cli.Tests.Support;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Cli.Tests;

/// <summary>
/// Every destination (droplet, result.json, cache) is checked before any buildpack runs, and all three are put in
/// place together at the end: a staging that fails leaves no droplet, or the earlier one byte for byte, and no
/// temporary file beside any destination.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class OutputDestinationTests : IDisposable
{
    private readonly StagingScene _scene = new();

    public void Dispose() => _scene.Dispose();

    [Theory]
    [InlineData("a-directory")]
    [InlineData("out/app.droplet.tgz")]
    [InlineData("./out/../out/app.droplet.tgz")]
    [InlineData("out-link/app.droplet.tgz")]
    [InlineData("a-file/result.json")]
    [InlineData("result-dir/")]
    public async Task A_result_path_that_cannot_be_used_is_refused_and_the_earlier_droplet_and_cache_stay(string result)
    {
        Directory.CreateDirectory(Path.Combine(_scene.Work, "a-directory"));
        File.WriteAllText(Path.Combine(_scene.Work, "a-file"), "mine");
        var earlier = await StageEarlierAsync();
        File.CreateSymbolicLink(Path.Combine(_scene.Work, "out-link"), "out");
        var before = TreeState.Of(_scene.Work);

        var run = await _scene.StageAsync("-o", "out/app.droplet.tgz", "--cache-dir", "cache", "--result", result);

        StagingScene.AssertRefused(run, "BPK1072");
        Assert.Equal(earlier, File.ReadAllBytes(_scene.Droplet));
        Assert.Equal(before, TreeState.Of(_scene.Work));
        await AssertCacheUsedTwiceAsync();
    }

    [Fact]
    public async Task A_result_on_a_read_only_file_system_is_refused()
    {
        var readOnly = _scene.Mount(Path.Combine(_scene.Work, "ro"), "64k", readOnly: true);
        var earlier = await StageEarlierAsync();
        var before = TreeState.Of(_scene.Work);

        var run = await _scene.StageAsync("-o", "out/app.droplet.tgz", "--cache-dir", "cache", "--result", "ro/result.json");

        StagingScene.AssertRefused(run, "BPK1072");
        Assert.Contains("read-only", run.Error, StringComparison.Ordinal);
        Assert.Equal(earlier, File.ReadAllBytes(_scene.Droplet));
        Assert.Equal(before, TreeState.Of(_scene.Work));
        Assert.Empty(Directory.GetFileSystemEntries(readOnly.Path));
    }

    [Theory]
    [InlineData("a-directory", "BPK1072")]
    [InlineData("out/", "BPK1072")]
    [InlineData("a-file/app.tgz", "BPK1072")]
    [InlineData("a-device", "BPK1072")]
    public async Task An_output_path_that_cannot_hold_a_droplet_is_refused(string output, string code)
    {
        Directory.CreateDirectory(Path.Combine(_scene.Work, "a-directory"));
        Directory.CreateDirectory(Path.Combine(_scene.Work, "out"));
        File.WriteAllText(Path.Combine(_scene.Work, "a-file"), "mine");
        Run("mknod", Path.Combine(_scene.Work, "a-device"), "c", "1", "3");
        var before = TreeState.Of(_scene.Work);

        var run = await _scene.StageAsync("-o", output);

        StagingScene.AssertRefused(run, code);
        Assert.Equal(before, TreeState.Of(_scene.Work));
        Assert.Empty(Directory.GetFileSystemEntries(_scene.TempDirectory));
    }

    [Fact]
    public async Task A_cache_dir_that_is_a_file_is_refused_and_the_earlier_droplet_stays()
    {
        var earlier = StagingScene.WriteEarlier(_scene.Droplet);
        File.WriteAllText(Path.Combine(_scene.Work, "cache-file"), "mine");
        var before = TreeState.Of(_scene.Work);

        var run = await _scene.StageAsync("-o", _scene.Droplet, "--cache-dir", "cache-file");

        StagingScene.AssertRefused(run, "BPK1073");
        Assert.Equal(earlier, File.ReadAllBytes(_scene.Droplet));
        Assert.Equal(before, TreeState.Of(_scene.Work));
    }

    [Fact]
    public async Task A_result_that_fails_after_packing_leaves_the_earlier_droplet_the_cache_and_no_temporary_files()
    {
        var earlier = await StageEarlierAsync();
        Directory.CreateDirectory(Path.Combine(_scene.Work, "results"));
        File.WriteAllText(Path.Combine(_scene.App, "compile-hook.sh"), "rm -rf \"$RESULTS\"; echo blocker > \"$RESULTS\"\n");

        var run = await _scene.StageAsync(
            "-o", "out/app.droplet.tgz", "--cache-dir", "cache", "--result", "results/result.json", "-e", "RESULTS=" + Path.Combine(_scene.Work, "results"));

        StagingScene.AssertFailed(run, "BPK1072");
        Assert.Contains("-----> compile", run.Output, StringComparison.Ordinal);
        Assert.Equal(earlier, File.ReadAllBytes(_scene.Droplet));
        Assert.Equal(["app.droplet.tgz"], StagingScene.Names(Path.Combine(_scene.Work, "out")));
        Assert.Equal("blocker\n", File.ReadAllText(Path.Combine(_scene.Work, "results")));
        Assert.Empty(Directory.GetFileSystemEntries(_scene.TempDirectory));
        File.Delete(Path.Combine(_scene.App, "compile-hook.sh"));
        await AssertCacheUsedTwiceAsync();
    }

    [Fact]
    public async Task A_full_disk_while_packing_leaves_the_earlier_droplet_the_cache_and_no_temporary_file()
    {
        var output = _scene.Mount(Path.Combine(_scene.Work, "small"), "1m");
        var droplet = Path.Combine(output.Path, "app.droplet.tgz");
        var first = await _scene.StageAsync("-o", droplet, "--cache-dir", "cache");
        Assert.True(first.ExitCode == 0, CliProcess.Describe(first));
        var earlier = File.ReadAllBytes(droplet);
        var random = Path.Combine(_scene.App, "random.bin");
        File.WriteAllBytes(random, RandomBytes(3 << 20));

        var run = await _scene.StageAsync("-o", droplet, "--cache-dir", "cache");

        StagingScene.AssertFailed(run, "BPK1050");
        Assert.Contains("no space left", run.Error, StringComparison.Ordinal);
        Assert.Equal(earlier, File.ReadAllBytes(droplet));
        Assert.Equal(["app.droplet.tgz"], StagingScene.Names(output.Path));
        Assert.Empty(Directory.GetFileSystemEntries(_scene.TempDirectory));
        Assert.Equal("1\n", File.ReadAllText(Path.Combine(_scene.Work, "cache", "count")));
        File.Delete(random);
        await AssertCacheUsedTwiceAsync();
    }

    private async Task<byte[]> StageEarlierAsync()
    {
        var run = await _scene.StageAsync("-o", "out/app.droplet.tgz", "--cache-dir", "cache");
        Assert.True(run.ExitCode == 0, CliProcess.Describe(run));
        return File.ReadAllBytes(_scene.Droplet);
    }

    // The cache of the earlier staging is still there and a next staging uses it.
    private async Task AssertCacheUsedTwiceAsync()
    {
        var next = await _scene.StageAsync("-o", "out/next.tgz", "--cache-dir", "cache");
        Assert.True(next.ExitCode == 0, CliProcess.Describe(next));
        Assert.Equal("2\n", DropletContents.TextOf(Path.Combine(_scene.Work, "out", "next.tgz"), "./app/cache-count"));
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(program, arguments);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
