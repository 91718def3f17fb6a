using System.Text.Json;
using Buildpacks.Cli.Tests.Support;
using Buildpacks.Core.Droplets;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Cli.Tests;

[Trait("Category", "EndToEnd")]
public sealed class DetectAndInspectCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Detect_prints_the_winner_and_why_each_other_candidate_said_no()
    {
        var app = _temp.CreateApp("app", ("recorder.txt", "x"));

        var run = await CliProcess.RunAsync(["detect", app, "--candidate", Repository.FixtureBuildpack("never"), "--candidate", Repository.FixtureBuildpack("recorder")]);

        Assert.True(run.ExitCode == 0, CliProcess.Describe(run));
        Assert.Contains($"no:  {Repository.FixtureBuildpack("never")} (exit 1: never applies: this buildpack is for tests | detail on stderr)", run.Output, StringComparison.Ordinal);
        Assert.Contains($"yes: {Repository.FixtureBuildpack("recorder")} (Recorder)", run.Output, StringComparison.Ordinal);
        Assert.Equal(["recorder.txt"], Directory.GetFileSystemEntries(app).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Detect_with_no_winner_exits_222()
    {
        var app = _temp.CreateApp("app", ("x.txt", "x"));

        var run = await CliProcess.RunAsync(["detect", app, "-c", Repository.FixtureBuildpack("recorder")]);

        Assert.Equal(222, run.ExitCode);
        Assert.Contains("no recorder.txt in the app", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_without_a_candidate_is_a_coded_error_and_relative_candidates_are_read_from_the_current_directory()
    {
        _temp.CreateApp("app", ("recorder.txt", "x"));
        var recorder = Path.GetFileName(_temp.CopyBuildpack("recorder"));

        var none = await CliProcess.RunAsync(["detect", "app"], workingDirectory: _temp.Path);
        var relative = await CliProcess.RunAsync(["detect", "app", "-c", recorder], workingDirectory: _temp.Path);

        Assert.Equal(1, none.ExitCode);
        Assert.Contains("error BPK1080: No candidate was given. Name at least one buildpack to detect with, with --candidate.", none.Error, StringComparison.Ordinal);
        Assert.True(relative.ExitCode == 0, CliProcess.Describe(relative));
        Assert.Contains($"yes: {_temp.Combine(recorder)} (Recorder)", relative.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_json_describes_the_droplet()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"), ("Procfile", "clock: tick\n"));
        var droplet = _temp.Combine("app.tgz");
        var staged = await CliProcess.RunAsync(["stage", app, "-b", Repository.FixtureBuildpack("recorder"), "-o", droplet]);
        Assert.True(staged.ExitCode == 0, CliProcess.Describe(staged));

        var run = await CliProcess.RunAsync(["inspect", droplet, "--json"]);

        Assert.True(run.ExitCode == 0, CliProcess.Describe(run));
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("cf", root.GetProperty("layout").GetString());
        Assert.Equal(DropletInspector.Sha256Of(droplet), root.GetProperty("sha256").GetString());
        Assert.Equal(new FileInfo(droplet).Length, root.GetProperty("size").GetInt64());
        Assert.Equal("recorder", root.GetProperty("detected_buildpack").GetString());
        Assert.Equal("tick", root.GetProperty("process_types").GetProperty("clock").GetString());
        Assert.Equal(DropletContents.Read(droplet).Count(e => e.Type is System.Formats.Tar.TarEntryType.RegularFile), root.GetProperty("file_count").GetInt32());
    }

    [Fact]
    public async Task Inspect_of_something_that_is_not_a_droplet_is_a_coded_error()
    {
        var notDroplet = _temp.Combine("notes.txt");
        File.WriteAllText(notDroplet, "plain text");

        var run = await CliProcess.RunAsync(["inspect", notDroplet]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error BPK1060", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stage")]
    [InlineData("detect")]
    [InlineData("inspect")]
    public async Task Help_of_every_command_shows_an_example(string command)
    {
        var run = await CliProcess.RunAsync([command, "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Example:", run.Output, StringComparison.Ordinal);
        Assert.Contains($"buildpacks {command} ", run.Output, StringComparison.Ordinal);
    }
}
