using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Tests.Support;
using Cake.Buildpacks.Tests.Support;
using Cake.Core;

namespace Cake.Buildpacks.Tests;

public sealed class BuildpackDetectAliasTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeCakeContext _context;

    public BuildpackDetectAliasTests() => _context = new FakeCakeContext(_temp.Path);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_first_candidate_that_applies_wins_and_the_log_says_why_the_others_did_not()
    {
        _temp.CreateApp("app", ("recorder.txt", "x"));
        var never = Path.GetRelativePath(_temp.Path, _temp.CopyBuildpack("never"));
        var recorder = Path.GetRelativePath(_temp.Path, _temp.CopyBuildpack("recorder"));

        var report = _context.BuildpackDetect("app", never, recorder);

        Assert.Equal(_temp.Combine(recorder), report.Winner);
        Assert.Equal("Recorder", report.WinnerName);
        Assert.Equal([false, true], report.Attempts.Select(a => a.Detected));
        Assert.Contains($"no:  {_temp.Combine(never)} (exit 1: never applies: this buildpack is for tests | detail on stderr)", _context.FakeLog.Lines);
        Assert.Contains($"yes: {_temp.Combine(recorder)} (Recorder)", _context.FakeLog.Lines);
    }

    [Fact]
    public void No_candidate_applying_is_an_answer_not_an_error()
    {
        _temp.CreateApp("app", ("index.txt", "x"));

        var report = _context.BuildpackDetect("app", new BuildpackDetectSettings()
            .WithCandidate(Repository.FixtureBuildpack("never"))
            .WithCandidate(Repository.FixtureBuildpack("recorder")));

        Assert.Null(report.Winner);
        Assert.Equal(2, report.Attempts.Count);
        Assert.Contains("No candidate detected the app.", _context.FakeLog.Lines);
    }

    [Fact]
    public void No_candidate_throws_a_CakeException_naming_the_setting()
    {
        _temp.CreateApp("app", ("index.txt", "x"));

        var error = Assert.Throws<CakeException>(() => _context.BuildpackDetect("app", new BuildpackDetectSettings()));

        Assert.StartsWith(ErrorCodes.NoBuildpack + ": No candidate was given. Name at least one buildpack to detect with, with WithCandidate.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_candidate_throws_a_CakeException_with_the_code()
    {
        _temp.CreateApp("app", ("index.txt", "x"));

        var error = Assert.Throws<CakeException>(() => _context.BuildpackDetect("app", "no-such-buildpack"));

        Assert.StartsWith(ErrorCodes.BuildpackNotFound + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(_temp.Combine("no-such-buildpack"), error.Message, StringComparison.Ordinal);
    }
}
