using Buildpacks.Core.Execution;
using Buildpacks.Core.Hosts;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Hosts;

public sealed class LocalHostSessionTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_script_still_open_for_writing_runs_once_the_writer_lets_go()
    {
        var script = _temp.Combine("busy.sh");
        var writer = new FileStream(script, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite);
        writer.Write("#!/usr/bin/env bash\necho ran\n"u8);
        writer.Flush();
        File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        var lines = new List<string>();

        var run = Session().RunAsync(new ScriptInvocation(script, [], _temp.Path, Env()), (line, _) => lines.Add(line), CancellationToken.None);
        await Task.Delay(300);
        await writer.DisposeAsync();
        var outcome = await run;

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("ran", lines);
    }

    [Fact]
    public async Task The_exit_code_and_both_streams_come_back()
    {
        var script = _temp.Combine("exit.sh");
        File.WriteAllText(script, "#!/usr/bin/env bash\necho out\necho err >&2\nexit 26\n");
        File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        var lines = new List<(string, bool)>();

        var outcome = await Session().RunAsync(new ScriptInvocation(script, [], _temp.Path, Env()), (line, isError) => lines.Add((line, isError)), CancellationToken.None);

        Assert.Equal(26, outcome.ExitCode);
        Assert.Contains(("out", false), lines);
        Assert.Contains(("err", true), lines);
    }

    [Fact]
    public async Task A_background_process_holding_the_output_open_does_not_hang_the_run()
    {
        var script = _temp.Combine("daemon.sh");
        File.WriteAllText(script, "#!/usr/bin/env bash\nsleep 600 &\necho started\n");
        File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);

        var outcome = await Session().RunAsync(new ScriptInvocation(script, [], _temp.Path, Env()), (_, _) => { }, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, outcome.ExitCode);
    }

    [Fact]
    public async Task A_cancelled_script_s_whole_tree_is_gone_when_the_run_returns()
    {
        var mark = Guid.NewGuid().ToString("N");
        var script = _temp.Combine("tree.sh");
        File.WriteAllText(script, "#!/usr/bin/env bash\nsetsid sleep 300 &\nnohup sleep 300 >/dev/null 2>&1 &\necho started\nsleep 300\n");
        File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        var environment = Env();
        environment["TREE_MARK"] = mark;
        using var cancellation = new CancellationTokenSource();
        var seen = new List<int>();

        try
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Session().RunAsync(
                new ScriptInvocation(script, [], _temp.Path, environment),
                (line, _) =>
                {
                    if (line == "started")
                    {
                        seen.AddRange(ProcessState.WithVariable("TREE_MARK", mark));
                        cancellation.Cancel();
                    }
                },
                cancellation.Token));

            Assert.True(seen.Count >= 4, $"found {seen.Count} processes of the script while it ran");
            Assert.All(seen, pid => Assert.False(ProcessState.IsRunning(pid), $"process {pid} still runs"));
        }
        finally
        {
            ProcessState.Kill(seen);
        }
    }

    [Fact]
    public async Task Scripts_get_HOME_and_TMPDIR_of_the_layout_and_the_hosts_PATH()
    {
        var session = await LocalHost.Instance.OpenSessionAsync(new HostSessionLayout(_temp.Path, _temp.Combine("cache"), _temp.Combine("home"), _temp.Combine("tmp")), CancellationToken.None);

        Assert.Equal(_temp.Combine("home"), session.BaseEnvironment["HOME"]);
        Assert.Equal(_temp.Combine("tmp"), session.BaseEnvironment["TMPDIR"]);
        Assert.Equal(Environment.GetEnvironmentVariable("PATH"), session.BaseEnvironment["PATH"]);
        Assert.DoesNotContain("MSBuildExtensionsPath", session.BaseEnvironment.Keys);
        Assert.Equal("/some/path", session.ToScriptPath("/some/path"));
    }

    [Fact]
    public void The_local_host_is_available_where_bash_is()
    {
        Assert.True(LocalHost.Instance.CheckAvailability().IsAvailable);
        Assert.Equal("local", LocalHost.Instance.Name);
    }

    private LocalHostSession Session() => new(new HostSessionLayout(_temp.Path, _temp.Path, _temp.Path, _temp.Path));

    private static Dictionary<string, string> Env() => new() { ["PATH"] = "/usr/local/bin:/usr/bin:/bin" };
}
