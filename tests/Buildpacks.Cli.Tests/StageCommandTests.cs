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
    [InlineData("--timeout", "soon", "BPK1083: --timeout 'soon'")]
    [InlineData("--env", "1BAD=x", "BPK1010: The variable name starts with a digit")]
    [InlineData("--layout", "docker", "BPK1081: --layout 'docker'")]
    [InlineData("--layout", "cloudfoundry", "BPK1081: --layout 'cloudfoundry'")]
    [InlineData("--procfile-mode", "sometimes", "BPK1082: --procfile-mode 'sometimes'")]
    [InlineData("--process", "web", "BPK1084: --process: 'web' is not TYPE=COMMAND")]
    [InlineData("--timestamp", "yesterday", "BPK1085: --timestamp 'yesterday'")]
    public async Task Bad_options_are_coded_errors_naming_the_option(string option, string value, string error)
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));

        var run = await CliProcess.RunAsync(["stage", app, "-b", Repository.FixtureBuildpack("recorder"), "-o", _temp.Combine("x.tgz"), option, value]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error " + error, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.Combine("x.tgz")));
    }

    [Fact]
    public async Task No_buildpack_names_the_options_to_use()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));

        var run = await CliProcess.RunAsync(["stage", app, "-o", _temp.Combine("x.tgz")]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error BPK1080: No buildpack was given. Name the buildpack to use with --buildpack, or candidates to detect with --candidate.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_types_app_name_time_stamp_and_procfile_mode_reach_the_droplet()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"), ("Procfile", "clock: tick\n"));
        var droplet = _temp.Combine("app.tgz");

        var run = await CliProcess.RunAsync([
            "stage", app, "-b", Repository.FixtureBuildpack("recorder"), "-o", droplet,
            "--process", "web=dotnet App.dll --urls http://0.0.0.0:$PORT", "--process", "jobs=run-jobs --queue=a",
            "--app-name", "hello-app", "--timestamp", "2023-11-14T22:13:20Z", "--procfile-mode", "replace"]);

        Assert.True(run.ExitCode == 0, CliProcess.Describe(run));
        var entries = DropletContents.ByName(droplet);
        using var stagingInfo = JsonDocument.Parse(entries["./staging_info.yml"].Text!);
        var processTypes = stagingInfo.RootElement.GetProperty("process_types");
        Assert.Equal(
            ["clock=tick", "jobs=run-jobs --queue=a", "web=dotnet App.dll --urls http://0.0.0.0:$PORT"],
            processTypes.EnumerateObject().Select(p => p.Name + "=" + p.Value.GetString()).Order(StringComparer.Ordinal));
        Assert.Contains("\"application_name\":\"hello-app\"", entries["./app/.recorded/env"].Text, StringComparison.Ordinal);
        Assert.All(entries.Values, entry => Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), entry.ModificationTime));
    }

    [Fact]
    public async Task Relative_paths_are_read_from_the_current_directory()
    {
        _temp.CreateApp("app", ("index.txt", "hi"));
        var buildpack = Path.GetFileName(_temp.CopyBuildpack("recorder"));
        File.WriteAllText(_temp.Combine("first.env"), "FROM_FILE=first\nBOTH=first\n");
        File.WriteAllText(_temp.Combine("second.env"), "BOTH=second\n");

        var run = await CliProcess.RunAsync(
            ["stage", "app", "-b", buildpack, "--cache-dir", "cache", "--result", "out/result.json", "--env-file", "first.env", "--env-file", "second.env"],
            workingDirectory: _temp.Path);

        Assert.True(run.ExitCode == 0, CliProcess.Describe(run));
        var droplet = _temp.Combine("app.droplet.tgz");
        Assert.Contains($"Droplet: {droplet}", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(_temp.Combine("out", "result.json")));
        Assert.Equal("1\n", File.ReadAllText(_temp.Combine("cache", "count")));
        Assert.Equal("BOTH=second\nFROM_FILE=first\n", DropletContents.TextOf(droplet, "./app/.recorded/envdir"));
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
