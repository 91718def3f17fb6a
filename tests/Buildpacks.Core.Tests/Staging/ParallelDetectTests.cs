using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Staging;

/// <summary>
/// Detects run side by side, yet what a run in turn would show is what shows: the first candidate in order that says
/// yes wins, log lines come in candidate order, and nothing after the winner shows or keeps running. Candidates wait
/// for each other's marker files, so a run in turn would take another path (a "gave up waiting" exit), not a slower one.
/// </summary>
public sealed class ParallelDetectTests : IDisposable
{
    // Long enough for any loaded machine; a run in turn reaches it and the test fails on the exit code, never on a clock.
    private const int WaitSeconds = 60;

    private readonly TempDirectory _temp = new();
    private readonly string _mark = "bpk-detect-" + Guid.NewGuid().ToString("N");

    public void Dispose()
    {
        ProcessState.Kill(ProcessState.WithVariable("BPK_DETECT_MARK", _mark));
        _temp.Dispose();
    }

    [Fact]
    public async Task Candidates_detect_side_by_side()
    {
        var markers = _temp.Combine("markers");
        Directory.CreateDirectory(markers);

        // Each says it started and waits until all three did: in turn, the first would give up and exit 3.
        string Body(int index, int exit) => $"""
            touch '{markers}/started-{index}'
            for _ in $(seq {WaitSeconds * 10}); do
              if [ -e '{markers}/started-0' ] && [ -e '{markers}/started-1' ] && [ -e '{markers}/started-2' ]; then echo "saw all"; exit {exit}; fi
              sleep 0.1
            done
            echo "gave up waiting"; exit 3
            """;
        var candidates = Enumerable.Range(0, 3).Select(i => _temp.CreateBuildpack($"bp{i}", ("detect", Body(i, i == 2 ? 0 : 1)))).ToList();

        var report = await BuildpackEngine.Default.DetectAsync(App(), candidates, new RecordingLog());

        Assert.Equal(candidates[2], report.Winner);
        Assert.Equal(["exit 1: saw all", "exit 1: saw all", "exit 0: saw all"], report.Attempts.Select(a => a.Explain()));
    }

    [Fact]
    public async Task A_later_candidate_that_finishes_first_still_logs_after_the_earlier_ones()
    {
        var done = _temp.Combine("second-done");
        var first = _temp.CreateBuildpack("first", ("detect", WaitFor(done, "first after second", 1)));
        var second = _temp.CreateBuildpack("second", ("detect", $"echo 'second quick'; touch '{done}'; exit 1"));
        var third = _temp.CreateBuildpack("third", ("detect", "echo Third; exit 0"));
        var log = new RecordingLog();

        var report = await BuildpackEngine.Default.DetectAsync(App(), [first, second, third], log);

        Assert.Equal(third, report.Winner);
        Assert.Equal(
            [
                "start detect first", "end detect first", "info: first: not detected (exit 1: first after second)",
                "start detect second", "end detect second", "info: second: not detected (exit 1: second quick)",
                "start detect third", "end detect third",
            ],
            log.Lines.Where(line => line.Contains("detect", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_first_yes_in_order_wins_when_a_later_yes_comes_first()
    {
        var done = _temp.Combine("second-done");
        var first = _temp.CreateBuildpack("first", ("detect", WaitFor(done, "First", 0)));
        var second = _temp.CreateBuildpack("second", ("detect", $"echo Second; touch '{done}'; exit 0"));
        var log = new RecordingLog();

        var report = await BuildpackEngine.Default.DetectAsync(App(), [first, second], log);

        Assert.Equal(first, report.Winner);
        Assert.Equal("First", report.WinnerName);
        Assert.Single(report.Attempts);
        Assert.DoesNotContain("start detect second", log.Lines);
    }

    [Fact]
    public async Task A_candidate_after_the_winner_is_stopped_with_its_children_and_not_shown()
    {
        var started = _temp.Combine("slow-started");
        var go = _temp.Combine("go");
        var winner = _temp.CreateBuildpack("winner", ("detect", WaitFor(go, "Winner", 0)));
        var slow = _temp.CreateBuildpack("slow", ("detect", Lingering(started)));
        var log = new RecordingLog();

        var detecting = BuildpackEngine.Default.DetectAsync(App(), [winner, slow], log);
        await Appears(started);
        var lingering = ProcessState.WithVariable("BPK_DETECT_MARK", _mark);
        File.WriteAllText(go, "");
        var report = await detecting;

        Assert.Equal(winner, report.Winner);
        Assert.DoesNotContain(log.Lines, line => line.Contains("slow", StringComparison.Ordinal));
        AssertAllGone(lingering);
    }

    [Fact]
    public async Task Candidates_that_cannot_run_or_fail_are_explained_in_order()
    {
        var done = _temp.Combine("failing-done");
        var broken = _temp.CreateBuildpack("broken", ("detect", "exit 0"));
        File.SetUnixFileMode(Path.Combine(broken, "bin", "detect"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var waiting = _temp.CreateBuildpack("waiting", ("detect", WaitFor(done, "waited", 1)));
        var failing = _temp.CreateBuildpack("failing", ("detect", $"echo 'boom' >&2; touch '{done}'; exit 7"));
        var yes = _temp.CreateBuildpack("yes", ("detect", "echo Yes"));
        var log = new RecordingLog();

        var report = await BuildpackEngine.Default.DetectAsync(App(), [broken, waiting, failing, yes], log);

        Assert.Equal(yes, report.Winner);
        Assert.Equal(["BPK1004: bin/detect cannot run", "exit 1: waited", "exit 7: boom", "exit 0: Yes"], report.Attempts.Select(a => a.Explain()));
        var lines = log.Lines.Where(line => line.StartsWith("warning", StringComparison.Ordinal) || line.Contains("detect", StringComparison.Ordinal)).ToList();
        Assert.StartsWith($"warning {ErrorCodes.ScriptNotExecutable}", lines[0], StringComparison.Ordinal);
        Assert.Equal(
            [
                "info: broken: not detected (BPK1004: bin/detect cannot run)",
                "start detect waiting", "end detect waiting", "info: waiting: not detected (exit 1: waited)",
                "start detect failing", "end detect failing", "info: failing: not detected (exit 7: boom)",
                "start detect yes", "end detect yes",
            ],
            lines.Skip(1));
    }

    [Fact]
    public async Task Cancellation_stops_every_running_detect_and_its_children()
    {
        var started = _temp.Combine("started");
        var candidates = Enumerable.Range(0, 3).Select(i => _temp.CreateBuildpack($"bp{i}", ("detect", Lingering(started + i)))).ToList();
        using var cancellation = new CancellationTokenSource();

        var detecting = BuildpackEngine.Default.DetectAsync(App(), candidates, new RecordingLog(), cancellation.Token);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => Appears(started + i)));
        var lingering = ProcessState.WithVariable("BPK_DETECT_MARK", _mark);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => detecting);
        AssertAllGone(lingering, atLeast: 6);
    }

    [Fact]
    public async Task Each_detect_side_by_side_gets_a_scratch_directory_of_its_own()
    {
        var seen = _temp.Combine("seen");
        Directory.CreateDirectory(seen);
        string Body(int index) => $"echo \"$TMPDIR\" > '{seen}/{index}'; [ -d \"$TMPDIR\" ] && [ -w \"$TMPDIR\" ] || exit 2; exit {(index == 1 ? 0 : 1)}";
        var candidates = Enumerable.Range(0, 2).Select(i => _temp.CreateBuildpack($"bp{i}", ("detect", Body(i)))).ToList();

        var report = await BuildpackEngine.Default.DetectAsync(App(), candidates, new RecordingLog());

        Assert.Equal(candidates[1], report.Winner);
        Assert.NotEqual(File.ReadAllText(Path.Combine(seen, "0")), File.ReadAllText(Path.Combine(seen, "1")));
    }

    private string App() => _temp.CreateApp("app-" + Guid.NewGuid().ToString("N")[..6], ("index.txt", "hi"));

    // Prints what it is told once the file appears; a run in turn never sees it and exits 3 after a while.
    private static string WaitFor(string file, string say, int exit) => $"""
        for _ in $(seq {WaitSeconds * 10}); do
          if [ -e '{file}' ]; then echo '{say}'; exit {exit}; fi
          sleep 0.1
        done
        echo "gave up waiting for {Path.GetFileName(file)}"; exit 3
        """;

    // A detect that starts a child, says it started, and waits for ever; the mark (in its own environment too, by
    // running itself again) lets the test find both.
    private string Lingering(string started) => $"""
        [ -n "$BPK_DETECT_MARK" ] || BPK_DETECT_MARK={_mark} exec "$0" "$@"
        sleep 300 &
        touch '{started}'
        wait
        """;

    private static async Task Appears(string file)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(WaitSeconds));
        while (!File.Exists(file))
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    // The script and its sleep at least, for each detect.
    private static void AssertAllGone(IReadOnlyList<int> pids, int atLeast = 2)
    {
        Assert.True(pids.Count >= atLeast, $"found {pids.Count} processes of the detects while they ran");
        Assert.All(pids, pid => Assert.False(ProcessState.IsRunning(pid), $"process {pid} still runs"));
    }
}
