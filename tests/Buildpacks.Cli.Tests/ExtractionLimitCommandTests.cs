using Buildpacks.Cli.Tests.Support;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Cli.Tests;

/// <summary><c>buildpacks run</c> on an archive bomb, with a small cap so the test never writes much.</summary>
[Trait("Category", "EndToEnd")]
public sealed class ExtractionLimitCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_droplet_expanding_past_max_extract_size_is_refused_and_leaves_nothing_in_the_run_dir()
    {
        var droplet = Tarball.Write(
            _temp.Combine("bomb.droplet.tgz"),
            Tarball.Directory("./app/"),
            Tarball.Zeros("./app/zeros", 4 << 20));
        var runDirectory = _temp.Combine("run");

        var run = await CliProcess.RunAsync(["run", droplet, "--dir", runDirectory, "--max-extract-size", "1M"]);

        Assert.True(run.ExitCode == 1, CliProcess.Describe(run));
        Assert.Contains($"{droplet}: error BPK5040: The droplet '{droplet}' expands to more than 1 MiB", run.Error, StringComparison.Ordinal);
        Assert.True(!Directory.Exists(runDirectory) || Directory.GetFileSystemEntries(runDirectory).Length == 0, "nothing left in " + runDirectory);
    }

    [Fact]
    public async Task A_droplet_with_more_entries_than_max_extract_entries_is_refused()
    {
        var droplet = Tarball.Write(_temp.Combine("many.droplet.tgz"), [.. Enumerable.Range(0, 30).Select(i => Tarball.File($"./f{i}", ""))]);
        var runDirectory = _temp.Combine("run");

        var run = await CliProcess.RunAsync(["run", droplet, "--dir", runDirectory, "--max-extract-entries", "20"]);

        Assert.True(run.ExitCode == 1, CliProcess.Describe(run));
        Assert.Contains("error BPK5041", run.Error, StringComparison.Ordinal);
        Assert.True(!Directory.Exists(runDirectory) || Directory.GetFileSystemEntries(runDirectory).Length == 0, "nothing left in " + runDirectory);
    }

    [Theory]
    [InlineData("--max-extract-size", "lots")]
    [InlineData("--max-extract-size", "0")]
    [InlineData("--max-extract-entries", "0")]
    public async Task A_limit_that_is_not_a_positive_number_is_a_coded_error(string option, string value)
    {
        var droplet = Tarball.Write(_temp.Combine("small.droplet.tgz"), Tarball.File("./a", "a"));

        var run = await CliProcess.RunAsync(["run", droplet, "--dir", _temp.Combine("run"), option, value]);

        Assert.True(run.ExitCode == 1, CliProcess.Describe(run));
        Assert.Contains("error BPK5000", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_help_shows_the_default_caps()
    {
        var (exitCode, output, _) = await InProcessCli.InProcessAsync("run", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--max-extract-size", output, StringComparison.Ordinal);
        Assert.Contains("[default: 8G]", output, StringComparison.Ordinal);
        Assert.Contains("[default: 1000000]", output, StringComparison.Ordinal);
    }
}
