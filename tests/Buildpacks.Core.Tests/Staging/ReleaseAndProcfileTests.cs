using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Staging;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Staging;

public sealed class ReleaseAndProcfileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("---\n")]
    [InlineData("--- {}\n")]
    [InlineData("addons: []\n")]
    public async Task Every_empty_release_means_no_process_types_and_only_warns(string release)
    {
        var app = _temp.CreateApp("app", ("release.yml", release));
        var log = new RecordingLog();

        var result = await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, "recorder"), log);

        Assert.Empty(result.ProcessTypes);
        Assert.Equal("", result.StartCommand);
        Assert.Contains(log.Warnings, w => w.Code == ErrorCodes.NoWebProcess && w.File == null); // no Procfile to point at
        Assert.Contains("\"start_command\": \"\"", DropletContents.TextOf(result.DropletPath, "./staging_info.yml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_buildpack_without_bin_release_means_an_empty_release()
    {
        var buildpack = _temp.CopyBuildpack("recorder");
        File.Delete(Path.Combine(buildpack, "bin", "release"));
        var app = _temp.CreateApp("app", ("Procfile", "web: from-procfile\n"));

        var result = await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, buildpack));

        Assert.Equal(new Dictionary<string, string> { ["web"] = "from-procfile" }, result.ProcessTypes);
    }

    [Fact]
    public async Task Release_without_header_is_read_and_config_vars_come_back()
    {
        var app = _temp.CreateApp("app", ("release.yml", "config_vars:\n  A: '1'\ndefault_process_types:\n  web: run-it\n"));

        var result = await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, "recorder"));

        Assert.Equal("run-it", result.StartCommand);
        Assert.Equal("1", result.ConfigVars["A"]);
    }

    [Fact]
    public async Task Progress_printed_to_stdout_in_release_is_an_error_naming_the_buildpack_and_quoting_it()
    {
        var app = _temp.CreateApp("app", ("release.yml", "Compiling release...\ndone: [\n"));

        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(StagingFixture.Request(_temp, app, "recorder")));

        Assert.Equal(ErrorCodes.ReleaseInvalid, error.Code);
        Assert.Equal(224, error.ExitCode);
        Assert.Contains("'recorder'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Compiling release...", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("/bin/release", error.File, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_release_is_exit_code_224()
    {
        var app = _temp.CreateApp("app", ("release-exit", "4"));
        var request = StagingFixture.Request(_temp, app, "recorder");

        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(request));

        Assert.Equal(ErrorCodes.ReleaseFailed, error.Code);
        Assert.Equal(224, error.ExitCode);
        Assert.False(File.Exists(request.OutputPath));
    }

    [Fact]
    public async Task Procfile_overrides_buildpack_defaults_type_by_type()
    {
        var app = _temp.CreateApp("app", ("Procfile", "# comment\r\nweb: my-web --port $PORT\r\n\r\nclock: my-clock\r\n"));

        var result = await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, "recorder"));

        Assert.Equal(
            new SortedDictionary<string, string> { ["clock"] = "my-clock", ["web"] = "my-web --port $PORT", ["worker"] = "recorder-worker" },
            result.ProcessTypes);
    }

    [Fact]
    public async Task The_herokuish_rule_drops_defaults_when_a_Procfile_exists()
    {
        var app = _temp.CreateApp("app", ("Procfile", "clock: my-clock\n"));
        var log = new RecordingLog();

        var result = await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, "recorder") with { ProcfileMode = ProcfileMode.ReplaceDefaults }, log);

        Assert.Equal(new SortedDictionary<string, string> { ["clock"] = "my-clock" }, result.ProcessTypes);
        Assert.Contains(log.Warnings, w => w.Code == ErrorCodes.NoWebProcess && w.File == Path.Combine(app, "Procfile"));
    }

    [Fact]
    public async Task The_Procfile_is_read_after_compile_so_buildpacks_can_write_it()
    {
        var app = _temp.CreateApp("app", ("compile-writes-procfile", ""));

        var result = await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, "recorder"));

        Assert.Equal("written-by-compile", result.ProcessTypes["web"]);
        Assert.False(File.Exists(Path.Combine(app, "Procfile")));
    }

    [Fact]
    public async Task Process_types_from_the_request_win_over_everything()
    {
        var app = _temp.CreateApp("app", ("Procfile", "web: from-procfile\n"));
        var request = StagingFixture.Request(_temp, app, "recorder") with { ProcessTypes = new Dictionary<string, string> { ["web"] = "from-project" } };

        var result = await StagingFixture.StageAsync(request);

        Assert.Equal("from-project", result.ProcessTypes["web"]);
    }

    [Fact]
    public async Task A_malformed_Procfile_is_a_coded_error_naming_the_line()
    {
        var app = _temp.CreateApp("app", ("Procfile", "web: ok\nthis is not a process\n"));

        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(StagingFixture.Request(_temp, app, "recorder")));

        Assert.Equal(ErrorCodes.InvalidProcfile, error.Code);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }
}
