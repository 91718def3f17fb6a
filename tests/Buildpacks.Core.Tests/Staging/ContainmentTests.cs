using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Execution;
using Buildpacks.Core.Hosts;
using Buildpacks.Core.Staging;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Staging;

/// <summary>Nothing a compile started runs once the staging has ended, however it ended.</summary>
public sealed class ContainmentTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _mark = Guid.NewGuid().ToString("N");
    private readonly List<int> _seen = [];

    public void Dispose()
    {
        ProcessState.Kill(ProcessState.WithVariable("DAEMONS_MARK", _mark));
        _temp.Dispose();
    }

    [Fact]
    public async Task Daemons_of_a_compile_that_succeeds_are_gone_when_the_staging_returns()
    {
        var result = await StagingFixture.StageAsync(Request(), Log());

        Assert.True(File.Exists(result.DropletPath));
        AssertAllGone(atLeast: 4, atOnce: true);
    }

    [Fact]
    public async Task Daemons_of_a_compile_that_fails_are_gone_when_the_staging_returns()
    {
        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(Request(("DAEMONS_EXIT", "3")), Log()));

        Assert.Equal(ErrorCodes.CompileFailed, error.Code);
        AssertAllGone(atLeast: 4, atOnce: true);
    }

    [Fact]
    public async Task Daemons_of_a_compile_that_times_out_are_gone_when_the_staging_returns()
    {
        var request = Request(("DAEMONS_HANG", "1")) with { Timeout = TimeSpan.FromSeconds(5) };

        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(request, Log()));

        Assert.Equal(ErrorCodes.Timeout, error.Code);
        AssertAllGone(atLeast: 4, atOnce: false);
    }

    [Fact]
    public async Task Without_a_namespace_the_sweep_stops_daemons_left_in_the_scripts_session()
    {
        // The fallback for machines that forbid namespaces; a daemon that calls setsid escapes it (see the README).
        var engine = new BuildpackEngine(new BuildpackEngineOptions { Host = new LocalHost(ScriptContainment.SessionSweep) });

        await engine.StageAsync(Request(("DAEMONS_SETSID", "no")), Log());

        AssertAllGone(atLeast: 3, atOnce: false);
    }

    private StagingRequest Request(params (string Name, string Value)[] variables)
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var environment = new Dictionary<string, string> { ["DAEMONS_MARK"] = _mark, ["DAEMONS_ACK"] = _temp.Combine("ack") };
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        return StagingFixture.Request(_temp, app, "daemons") with { Environment = environment };
    }

    // The compile waits for the ack file, so the daemons are found while they surely run.
    private RecordingLog Log() => new()
    {
        OnOutput = line =>
        {
            if (line == "daemons started")
            {
                // A process in the middle of exec shows an empty environment for a moment: look a few times.
                for (var look = 0; look < 5; look++)
                {
                    _seen.AddRange(ProcessState.WithVariable("DAEMONS_MARK", _mark).Except(_seen).ToList());
                    Thread.Sleep(50);
                }

                File.WriteAllText(_temp.Combine("ack"), "");
            }
        },
    };

    // The script and its daemons; in a PID namespace also unshare and the namespace's first bash. When the script
    // ends by itself they are gone the moment the staging returns (the kernel empties the namespace before its
    // first process counts as ended); SIGKILLs sent on a timeout or by the fallback may take a moment to land.
    private void AssertAllGone(int atLeast, bool atOnce)
    {
        Assert.True(_seen.Count >= atLeast, $"found {_seen.Count} processes of the compile while it ran, expected {atLeast} or more");
        Assert.All(_seen, pid => Assert.False(atOnce ? ProcessState.IsRunningNow(pid) : ProcessState.IsRunning(pid), $"process {pid} still runs"));
    }
}
