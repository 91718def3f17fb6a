using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Droplets;
using Buildpacks.Core.Staging;
using Buildpacks.Core.Tests.Support;
using Cake.Buildpacks.Tests.Support;
using Cake.Core;
using Cake.Core.Diagnostics;

namespace Cake.Buildpacks.Tests;

public sealed class BuildpackStageAliasTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeCakeContext _context;

    public BuildpackStageAliasTests() => _context = new FakeCakeContext(_temp.Path);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Relative_paths_are_taken_from_the_Cake_working_directory_not_the_process_one()
    {
        _temp.CreateApp("app", ("recorder.txt", "x"));
        var buildpack = Path.GetRelativePath(_temp.Path, _temp.CopyBuildpack("recorder"));
        File.WriteAllText(_temp.Combine("vars.env"), "FROM_FILE=file\nBOTH=file\n");

        var result = _context.BuildpackStage("app", new BuildpackStageSettings()
            .WithBuildpack(buildpack)
            .SetDropletPath("out/app.droplet.tgz")
            .SetCacheDirectory("cache")
            .SetResultPath("out/result.json")
            .WithEnvironmentFile("vars.env")
            .WithEnvironmentVariable("BOTH", "setting"));

        Assert.Equal(_temp.Combine("out", "app.droplet.tgz"), result.DropletPath);
        Assert.True(File.Exists(_temp.Combine("out", "app.droplet.tgz")));
        Assert.True(File.Exists(_temp.Combine("out", "result.json")));
        Assert.Equal("1", File.ReadAllText(_temp.Combine("cache", "count")).Trim());
        var envdir = DropletContents.TextOf(result.DropletPath, "./app/.recorded/envdir");
        Assert.Contains("FROM_FILE=file", envdir, StringComparison.Ordinal);
        Assert.Contains("BOTH=setting", envdir, StringComparison.Ordinal);
    }

    [Fact]
    public void A_git_url_buildpack_goes_into_the_settings_cache_root_and_offline_serves_only_from_it()
    {
        _temp.CreateApp("app", ("index.txt", "x"));
        var repo = GitRepo.Create(_temp.Combine("repo.git"), "from-git");
        repo.Git("tag", "v1");

        var result = _context.BuildpackStage("app", new BuildpackStageSettings()
            .WithBuildpack(repo.FileUrl + "#v1")
            .SetBuildpackCacheRoot("bpcache")
            .SetDropletPath("out/app.droplet.tgz"));
        var offline = Assert.Throws<CakeException>(() => _context.BuildpackStage("app", new BuildpackStageSettings()
            .WithBuildpack(repo.FileUrl + "#main")
            .SetBuildpackCacheRoot("bpcache")
            .UseOffline()
            .SetDropletPath("out/app2.droplet.tgz")));
        var detected = _context.BuildpackDetect("app", new BuildpackDetectSettings().WithCandidate(repo.FileUrl + "#v1").SetBuildpackCacheRoot("bpcache").UseOffline());

        Assert.Equal("from-git\n", DropletContents.TextOf(result.DropletPath, "./app/marker"));
        Assert.Single(Directory.GetDirectories(_temp.Combine("bpcache", "entries")));
        Assert.Equal(ErrorCodes.OfflineCacheMiss, Assert.IsType<BuildpackException>(offline.InnerException).Code);
        Assert.NotNull(detected.Winner);
    }

    [Fact]
    public void Without_a_droplet_path_the_droplet_is_named_after_the_app_in_the_working_directory()
    {
        _temp.CreateApp("myapp", ("recorder.txt", "x"));

        var result = _context.BuildpackStage("myapp", new BuildpackStageSettings().WithCandidate(Repository.FixtureBuildpack("recorder")));

        Assert.Equal(_temp.Combine("myapp.droplet.tgz"), result.DropletPath);
        Assert.True(File.Exists(result.DropletPath));
    }

    [Fact]
    public void The_result_carries_the_droplet_hash_and_process_types_with_the_settings_winning()
    {
        _temp.CreateApp("app", ("recorder.txt", "x"));

        var result = _context.BuildpackStage("app", new BuildpackStageSettings()
            .WithCandidate(Repository.FixtureBuildpack("never"))
            .WithCandidate(Repository.FixtureBuildpack("recorder"))
            .WithProcessType("worker", "from-settings")
            .SetLayout(DropletLayout.Heroku));

        Assert.Equal(DropletInspector.Sha256Of(result.DropletPath), result.Sha256);
        Assert.Equal("Recorder", result.DetectedBuildpack);
        Assert.Equal("recorder-web --marker=written-by-compile", result.ProcessTypes["web"]);
        Assert.Equal("from-settings", result.ProcessTypes["worker"]);
        Assert.Equal(DropletLayout.Heroku, DropletInspector.Inspect(result.DropletPath).Layout);
    }

    [Fact]
    public void Buildpack_output_reaches_the_Cake_log_line_by_line_while_the_script_still_runs()
    {
        // The buildpack waits for a file the log creates when it sees the first line: if output were
        // only passed on at the end, the script would never finish and staging would time out.
        var go = _temp.Combine("go");
        var buildpack = InlineBuildpack(
            "echo 'first {0} line {braces}'",
            $"while [ ! -f '{go}' ]; do sleep 0.05; done",
            "echo 'after the go file' >&2");
        _temp.CreateApp("app", ("index.txt", "x"));
        _context.FakeLog.OnWrite = entry =>
        {
            if (entry.Text.Contains("first {0} line {braces}", StringComparison.Ordinal))
            {
                File.WriteAllText(go, "");
            }
        };

        _context.BuildpackStage("app", new BuildpackStageSettings().WithBuildpack(buildpack).SetTimeout(TimeSpan.FromSeconds(30)));

        var lines = _context.FakeLog.Entries;
        var first = lines.Single(e => e.Text == "       first {0} line {braces}");
        Assert.Equal((Verbosity.Normal, LogLevel.Information), (first.Verbosity, first.Level));
        Assert.Contains(lines, e => e.Text == "       after the go file" && e.Level == LogLevel.Information);
        Assert.Contains(lines, e => e.Text == "-----> compile (bp)");
    }

    [Fact]
    public void Engine_warnings_become_Cake_warnings_with_their_code_and_file()
    {
        var app = _temp.CreateApp("app", ("recorder.txt", "x"), ("release.yml", "default_process_types:\n  worker: only-a-worker\n"), ("Procfile", "clock: tick\n"));

        _context.BuildpackStage("app", new BuildpackStageSettings().WithBuildpack(Repository.FixtureBuildpack("recorder")));

        var warning = Assert.Single(_context.FakeLog.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(Verbosity.Minimal, warning.Verbosity);
        Assert.StartsWith($"{Path.Combine(app, "Procfile")}: warning {ErrorCodes.NoWebProcess}: ", warning.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_buildpack_throws_a_CakeException_led_by_the_code_with_the_file_and_exit_code()
    {
        _temp.CreateApp("app", ("recorder.txt", "x"), ("fail-compile", ""));
        var recorder = Repository.FixtureBuildpack("recorder");

        var error = Assert.Throws<CakeException>(() =>
            _context.BuildpackStage("app", new BuildpackStageSettings().WithBuildpack(recorder).SetDropletPath("app.droplet.tgz")));

        Assert.StartsWith(ErrorCodes.CompileFailed + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(recorder, "bin", "compile"), error.Message, StringComparison.Ordinal);
        Assert.Equal(CfExitCodes.CompileFailed, error.ExitCode);
        Assert.Equal(ErrorCodes.CompileFailed, Assert.IsType<BuildpackException>(error.InnerException).Code);
        Assert.Contains("       compile failed on purpose", _context.FakeLog.Lines);
        Assert.False(File.Exists(_temp.Combine("app.droplet.tgz")));
    }

    [Fact]
    public void A_cache_inside_the_app_throws_the_overlap_code_and_leaves_the_app_as_it_was()
    {
        var app = _temp.CreateApp("app", ("recorder.txt", "x"));
        var before = TreeState.Of(app);

        var error = Assert.Throws<CakeException>(() =>
            _context.BuildpackStage("app", new BuildpackStageSettings().WithBuildpack(Repository.FixtureBuildpack("recorder")).SetCacheDirectory("app/cache")));

        Assert.StartsWith("BPK1071: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, TreeState.Of(app));
    }

    [Fact]
    public void A_missing_app_directory_is_named_as_seen_from_the_working_directory()
    {
        var error = Assert.Throws<CakeException>(() =>
            _context.BuildpackStage("no-such-app", new BuildpackStageSettings().WithBuildpack(Repository.FixtureBuildpack("recorder"))));

        Assert.StartsWith(ErrorCodes.AppDirectoryNotFound + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(_temp.Combine("no-such-app"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_application_name_and_time_stamp_reach_the_droplet()
    {
        _temp.CreateApp("app", ("recorder.txt", "x"));

        var result = _context.BuildpackStage("app", new BuildpackStageSettings()
            .WithBuildpack(Repository.FixtureBuildpack("recorder"))
            .SetApplicationName("hello-app")
            .SetTimestamp(new DateTimeOffset(2023, 11, 14, 23, 13, 20, TimeSpan.FromHours(1))));

        var entries = DropletContents.Read(result.DropletPath);
        Assert.Contains("\"application_name\":\"hello-app\"", entries.Single(e => e.Name == "./app/.recorded/env").Text, StringComparison.Ordinal);
        Assert.All(entries, entry => Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), entry.ModificationTime));
    }

    [Theory]
    [InlineData("timeout", "BPK1083: SetTimeout '00:00:00'")]
    [InlineData("process type", "BPK1084: WithProcessType: 'web server' is not a valid process type")]
    [InlineData("variable", "BPK1010: The variable name 'MY...'")]
    [InlineData("no buildpack", "BPK1080: No buildpack was given. Name the buildpack to use with WithBuildpack, or candidates to detect with WithCandidate.")]
    public void An_invalid_setting_throws_its_code_in_the_settings_words(string setting, string message)
    {
        _temp.CreateApp("app", ("index.txt", "x"));
        var settings = new BuildpackStageSettings();
        if (setting != "no buildpack")
        {
            settings.WithBuildpack(Repository.FixtureBuildpack("recorder"));
        }

        _ = setting switch
        {
            "timeout" => settings.SetTimeout(TimeSpan.Zero),
            "process type" => settings.WithProcessType("web server", "run"),
            "variable" => settings.WithEnvironmentVariable("MY-SETTING", "x"),
            _ => settings,
        };

        var error = Assert.Throws<CakeException>(() => _context.BuildpackStage("app", settings));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.Combine("app.droplet.tgz")));
    }

    [Fact]
    public void A_timeout_throws_the_timeout_code()
    {
        _temp.CreateApp("app", ("index.txt", "x"));
        var buildpack = InlineBuildpack("echo started", "sleep 30");

        var error = Assert.Throws<CakeException>(() =>
            _context.BuildpackStage("app", new BuildpackStageSettings().WithBuildpack(buildpack).SetTimeout(TimeSpan.FromSeconds(1))));

        Assert.StartsWith(ErrorCodes.Timeout + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains("       started", _context.FakeLog.Lines);
    }

    /// <summary>A buildpack named bp whose bin/compile runs the given bash lines.</summary>
    private string InlineBuildpack(params string[] compile)
    {
        var bin = Directory.CreateDirectory(_temp.Combine("bp", "bin")).FullName;
        WriteScript(Path.Combine(bin, "detect"), "exit 0");
        WriteScript(Path.Combine(bin, "compile"), compile);
        WriteScript(Path.Combine(bin, "release"), "echo 'default_process_types: {web: run}'");
        return _temp.Combine("bp");
    }

    private static void WriteScript(string path, params string[] lines)
    {
        File.WriteAllText(path, "#!/usr/bin/env bash\nset -euo pipefail\n" + string.Join('\n', lines) + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
