using System.Text.Json;
using Buildpacks.Cli.Tests.Support;
using Buildpacks.Core.Droplets;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Cli.Tests;

[Trait("Category", "EndToEnd")]
public sealed class StageCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Stage_writes_the_droplet_and_prints_its_path_sha_and_process_types()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var droplet = _temp.Combine("out", "app.droplet.tgz");

        var run = await CliProcess.RunAsync(["stage", app, "--buildpack", Repository.FixtureBuildpack("recorder"), "--output", droplet]);

        Assert.True(run.ExitCode == 0, CliProcess.Describe(run));
        Assert.Contains($"Droplet: {droplet}", run.Output, StringComparison.Ordinal);
        Assert.Contains($"sha256:    {DropletInspector.Sha256Of(droplet)}", run.Output, StringComparison.Ordinal);
        Assert.Contains("process web: recorder-web --marker=written-by-compile", run.Output, StringComparison.Ordinal);
        Assert.Contains("       compiling app", run.Output, StringComparison.Ordinal);
        Assert.Contains("-----> compile (recorder)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_compile_exits_223_with_the_code_and_the_script()
    {
        var app = _temp.CreateApp("app", ("fail-compile", ""));
        var droplet = _temp.Combine("out", "app.droplet.tgz");

        var run = await CliProcess.RunAsync(["stage", app, "-b", Repository.FixtureBuildpack("recorder"), "-o", droplet]);

        Assert.Equal(223, run.ExitCode);
        Assert.Contains($"{Repository.FixtureBuildpack("recorder")}/bin/compile: error BPK1021: bin/compile of buildpack 'recorder' failed with exit code 7", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(droplet));
    }

    [Fact]
    public async Task Nothing_detected_exits_222()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));

        var run = await CliProcess.RunAsync(["stage", app, "-c", Repository.FixtureBuildpack("never"), "-o", _temp.Combine("x.tgz")]);

        Assert.Equal(222, run.ExitCode);
        Assert.Contains("error BPK1020", run.Error, StringComparison.Ordinal);
        Assert.Contains("never applies", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Env_options_and_env_file_reach_the_env_dir_and_the_option_wins()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var envFile = _temp.Combine("vars.env");
        File.WriteAllText(envFile, "# settings\nexport FROM_FILE=\"file value\"\nBOTH=file\n");
        var droplet = _temp.Combine("out", "app.droplet.tgz");

        var run = await CliProcess.RunAsync(["stage", app, "-b", Repository.FixtureBuildpack("recorder"), "-o", droplet, "--env-file", envFile, "-e", "BOTH=option", "--env", "EQUALS=a=b"]);

        Assert.True(run.ExitCode == 0, CliProcess.Describe(run));
        Assert.Equal("BOTH=option\nEQUALS=a=b\nFROM_FILE=file value\n", DropletContents.TextOf(droplet, "./app/.recorded/envdir"));
    }

    [Theory]
    [InlineData("--timeout", "soon", "BPK1007")]
    [InlineData("--env", "1BAD=x", "BPK1010")]
    public async Task Bad_options_are_coded_errors(string option, string value, string code)
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));

        var run = await CliProcess.RunAsync(["stage", app, "-b", Repository.FixtureBuildpack("recorder"), "-o", _temp.Combine("x.tgz"), option, value]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"error {code}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_buildpack_names_the_options_to_use()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));

        var run = await CliProcess.RunAsync(["stage", app, "-o", _temp.Combine("x.tgz")]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error BPK1007: No buildpack was given. Name the buildpack with --buildpack DIR, or candidates to detect with --candidate DIR.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Heroku_layout_and_result_json_on_request()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var droplet = _temp.Combine("slug.tgz");
        var result = _temp.Combine("result.json");

        var run = await CliProcess.RunAsync(["stage", app, "-b", Repository.FixtureBuildpack("recorder"), "-o", droplet, "--layout", "heroku", "--result", result]);

        Assert.True(run.ExitCode == 0, CliProcess.Describe(run));
        Assert.Contains("./index.txt", DropletContents.Read(droplet).Select(e => e.Name));
        using var json = JsonDocument.Parse(File.ReadAllText(result));
        Assert.Equal("recorder-worker", json.RootElement.GetProperty("process_types").GetProperty("worker").GetString());
    }

    [Fact]
    public async Task GitHub_Actions_format_groups_phases_annotates_errors_and_sets_outputs()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var outputs = _temp.Combine("github-output");
        var droplet = _temp.Combine("app.tgz");

        var ok = await CliProcess.RunAsync(["stage", app, "-b", Repository.FixtureBuildpack("recorder"), "-o", droplet], new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_OUTPUT"] = outputs });
        var failed = await CliProcess.RunAsync(["stage", _temp.CreateApp("bad", ("fail-compile", "")), "-b", Repository.FixtureBuildpack("recorder"), "-o", droplet], new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true" });

        Assert.Contains("::group::compile (recorder)\n", ok.Output, StringComparison.Ordinal);
        Assert.Contains("::endgroup::\n", ok.Output, StringComparison.Ordinal);
        Assert.Equal([("droplet", droplet), ("sha256", DropletInspector.Sha256Of(droplet))], Buildpacks.Core.Tests.Ci.Runners.GitHubOutputFile.Read(File.ReadAllText(outputs)));
        Assert.Equal(223, failed.ExitCode);
        Assert.Contains($"::error file={Repository.FixtureBuildpack("recorder")}/bin/compile,title=BPK1021::BPK1021: bin/compile of buildpack 'recorder' failed", failed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Azure_Pipelines_format_uses_logging_commands()
    {
        var app = _temp.CreateApp("bad", ("fail-compile", ""));

        var run = await CliProcess.RunAsync(["stage", app, "-b", Repository.FixtureBuildpack("recorder"), "-o", _temp.Combine("x.tgz"), "--log-format", "azure"]);

        Assert.Equal(223, run.ExitCode);
        Assert.Contains("##[group]compile (recorder)", run.Output, StringComparison.Ordinal);
        Assert.Contains($"##vso[task.logissue type=error;code=BPK1021;sourcepath={Repository.FixtureBuildpack("recorder")}/bin/compile]BPK1021: bin/compile", run.Output, StringComparison.Ordinal);
    }
}
