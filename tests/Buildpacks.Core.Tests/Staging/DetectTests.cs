using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Staging;

public sealed class DetectTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Stage_detect_mode_uses_the_first_candidate_that_exits_zero()
    {
        var app = _temp.CreateApp("app", ("recorder.txt", "yes"));
        var log = new RecordingLog();
        var request = StagingFixture.Request(_temp, app) with
        {
            Candidates = [Repository.FixtureBuildpack("never"), Repository.FixtureBuildpack("recorder"), Repository.FixtureBuildpack("supply-b")],
        };

        var result = await StagingFixture.StageAsync(request, log);

        Assert.Equal("Recorder", result.DetectedBuildpack);
        Assert.Contains("start detect never", log.Lines);
        Assert.Contains("start detect recorder", log.Lines);
        Assert.DoesNotContain("start detect supply-b", log.Lines);
        Assert.Contains(log.Lines, l => l.StartsWith("info: never: not detected (exit 1: never applies", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Detect_order_decides_when_several_candidates_apply()
    {
        var app = _temp.CreateApp("app", ("recorder.txt", "yes"));

        var report = await BuildpackEngine.Default.DetectAsync(app, [Repository.FixtureBuildpack("supply-b"), Repository.FixtureBuildpack("recorder")], new RecordingLog());

        Assert.Equal(Repository.FixtureBuildpack("supply-b"), report.Winner);
        Assert.Equal("supply-b", report.WinnerName); // its detect prints nothing: the directory name stands in
        Assert.Single(report.Attempts);
    }

    [Fact]
    public async Task No_candidate_detected_lists_every_candidate_with_exit_code_and_output()
    {
        var app = _temp.CreateApp("app", ("other.txt", "x"));
        var request = StagingFixture.Request(_temp, app) with
        {
            Candidates = [Repository.FixtureBuildpack("never"), Repository.FixtureBuildpack("recorder")],
        };

        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(request));

        Assert.Equal(ErrorCodes.NoneDetected, error.Code);
        Assert.Equal(222, error.ExitCode);
        Assert.Contains(Repository.FixtureBuildpack("never") + " -> exit 1: never applies: this buildpack is for tests | detail on stderr", error.Message, StringComparison.Ordinal);
        Assert.Contains(Repository.FixtureBuildpack("recorder") + " -> exit 1: no recorder.txt in the app", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(request.OutputPath));
    }

    [Fact]
    public async Task A_candidate_whose_detect_cannot_run_is_explained_not_fatal()
    {
        var broken = _temp.CopyBuildpack("recorder");
        File.SetUnixFileMode(Path.Combine(broken, "bin", "detect"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var app = _temp.CreateApp("app", ("recorder.txt", "yes"));
        var log = new RecordingLog();

        var report = await BuildpackEngine.Default.DetectAsync(app, [broken, Repository.FixtureBuildpack("recorder")], log);

        Assert.Equal(Repository.FixtureBuildpack("recorder"), report.Winner);
        Assert.Equal("BPK1004: bin/detect cannot run", report.Attempts[0].Problem);
        Assert.Contains(log.Warnings, w => w.Code == ErrorCodes.ScriptNotExecutable && w.File == Path.Combine(broken, "bin", "detect"));
    }

    [Fact]
    public async Task Explicit_mode_runs_no_detect()
    {
        var app = _temp.CreateApp("app", ("no-recorder-here.txt", "x"));
        var log = new RecordingLog();

        var result = await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, "recorder"), log);

        Assert.DoesNotContain(log.Lines, l => l.StartsWith("start detect", StringComparison.Ordinal));
        Assert.Equal("recorder", result.DetectedBuildpack);
    }
}
