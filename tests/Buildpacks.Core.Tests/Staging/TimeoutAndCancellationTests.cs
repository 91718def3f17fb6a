using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Staging;

public sealed class TimeoutAndCancellationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_timeout_stops_the_process_tree_and_keeps_the_earlier_droplet()
    {
        var (request, pidFile) = SlowRequest();
        request = request with { Timeout = TimeSpan.FromSeconds(2) };
        File.WriteAllText(request.OutputPath, "earlier droplet");
        var started = new List<int>();
        var log = new RecordingLog { OnOutput = line => { if (line == "slow compile started") { started.AddRange(ProcessState.WithVariable("SLOW_PID_FILE", pidFile)); } } };

        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(request, log));

        Assert.Equal(ErrorCodes.Timeout, error.Code);
        Assert.Equal("earlier droplet", File.ReadAllText(request.OutputPath));
        Assert.Equal([Path.GetFileName(request.OutputPath)], Directory.GetFiles(Path.GetDirectoryName(request.OutputPath)!).Select(Path.GetFileName));
        AssertAllGone(started);
    }

    [Fact]
    public async Task Cancellation_stops_the_process_tree_and_writes_no_droplet()
    {
        var (request, pidFile) = SlowRequest();
        using var cancellation = new CancellationTokenSource();
        var started = new List<int>();
        var log = new RecordingLog
        {
            OnOutput = line =>
            {
                if (line == "slow compile started")
                {
                    started.AddRange(ProcessState.WithVariable("SLOW_PID_FILE", pidFile));
                    cancellation.Cancel();
                }
            },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StagingFixture.StageAsync(request, log, cancellation.Token));

        Assert.False(File.Exists(request.OutputPath));
        Assert.False(Directory.Exists(Path.GetDirectoryName(request.OutputPath)) && Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(request.OutputPath)!).Any());
        AssertAllGone(started);
    }

    private (Core.Staging.StagingRequest Request, string PidFile) SlowRequest()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var pidFile = _temp.Combine("pids");
        var request = StagingFixture.Request(_temp, app, "slow") with
        {
            Environment = new Dictionary<string, string> { ["SLOW_PID_FILE"] = pidFile },
        };
        Directory.CreateDirectory(Path.GetDirectoryName(request.OutputPath)!);
        return (request, pidFile);
    }

    // The script and its sleep at least (more in a PID namespace: unshare and the namespace's first bash).
    private static void AssertAllGone(List<int> pids)
    {
        Assert.True(pids.Count >= 2, $"found {pids.Count} processes of the compile while it ran");
        foreach (var pid in pids)
        {
            Assert.False(ProcessState.IsRunning(pid), $"process {pid} still runs");
        }
    }
}
