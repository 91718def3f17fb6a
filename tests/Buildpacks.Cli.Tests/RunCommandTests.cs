using Buildpacks.Cli.Tests.Support;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Cli.Tests;

public sealed class RunCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_prints_the_process_output_and_ends_with_its_exit_code()
    {
        var droplet = DropletBuilder.CloudFoundry(_temp).Process("web", "echo hello from web; exit 26").Pack();

        var (exitCode, output, _) = await InProcessCli.InProcessAsync("run", droplet, "--dir", _temp.Combine("run"));

        Assert.Equal(26, exitCode);
        Assert.Contains("\nhello from web\n", "\n" + output, StringComparison.Ordinal);
        Assert.Contains("-----> Starting web: echo hello from web; exit 26 (PORT=8080)", output, StringComparison.Ordinal);
        Assert.Contains("-----> web exited with code 26", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_passes_process_port_and_env_options_to_the_launch()
    {
        var droplet = DropletBuilder.CloudFoundry(_temp)
            .Process("web", "echo wrong process")
            .Process("worker", "echo \"worker port=$PORT setting=$MY_SETTING\"")
            .Pack();

        var (exitCode, output, _) = await InProcessCli.InProcessAsync(
            "run", droplet, "--process", "worker", "--port", "9000", "--env", "MY_SETTING=a=b", "--dir", _temp.Combine("run"));

        Assert.Equal(0, exitCode);
        Assert.Contains("worker port=9000 setting=a=b", output, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong process", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_exec_d_program_is_a_coded_error_naming_it()
    {
        var droplet = DropletBuilder.CloudFoundry(_temp)
            .Process("web", "echo should not start")
            .Executable("deps/0/exec.d/broken", "#!/usr/bin/env bash\nexit 4\n")
            .Pack();

        var (exitCode, output, error) = await InProcessCli.InProcessAsync("run", droplet, "--dir", _temp.Combine("run"));

        Assert.Equal(1, exitCode);
        Assert.Contains("error BPK5010: The exec.d program 'deps/0/exec.d/broken' exited with code 4", error, StringComparison.Ordinal);
        Assert.DoesNotContain("should not start", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_help_shows_the_options_and_an_example()
    {
        var (exitCode, output, _) = await InProcessCli.InProcessAsync("run", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Example:", output, StringComparison.Ordinal);
        Assert.Contains("buildpacks run HelloWeb.droplet.tgz --port 8089", output, StringComparison.Ordinal);
        foreach (var option in new[] { "--process", "--port", "--env", "--dir" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Inspect_shows_the_exec_d_programs_and_profile_scripts_a_launch_runs()
    {
        var droplet = DropletBuilder.CloudFoundry(_temp)
            .Process("web", "true")
            .Executable("deps/0/exec.d/all", "#!/bin/sh\n")
            .Executable("deps/0/exec.d/web/web-only", "#!/bin/sh\n")
            .File("app/.profile.d/app.sh", "")
            .Pack();

        var (_, text, _) = await InProcessCli.InProcessAsync("inspect", droplet);
        var (_, json, _) = await InProcessCli.InProcessAsync("inspect", droplet, "--json");

        Assert.Contains(
            "Launch scripts (in the order a launch runs them):\n  exec.d  deps/0/exec.d/all\n  exec.d  deps/0/exec.d/web/web-only (web only)\n  profile app/.profile.d/app.sh\n",
            text.Replace("\r", "", StringComparison.Ordinal),
            StringComparison.Ordinal);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var execD = document.RootElement.GetProperty("exec_d").EnumerateArray().ToList();
        Assert.Equal(["deps/0/exec.d/all", "deps/0/exec.d/web/web-only"], execD.Select(e => e.GetProperty("path").GetString()));
        Assert.Equal("web", execD[1].GetProperty("process_type").GetString());
        Assert.Equal(["app/.profile.d/app.sh"], document.RootElement.GetProperty("profile_scripts").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("TERM", 42)]
    [InlineData("INT", 43)]
    public async Task A_signal_to_buildpacks_reaches_the_process_and_its_exit_code_comes_back(string signal, int expectedExit)
    {
        var droplet = DropletBuilder.CloudFoundry(_temp)
            .Process("web", "trap 'echo got TERM; exit 42' TERM; trap 'echo got INT; exit 43' INT; echo ready; while :; do sleep 0.1; done")
            .Pack();
        using var cli = CliProcess.Start(["run", droplet, "--dir", _temp.Combine("run"), "--log-format", "plain"]);
        var lines = new List<string>();
        var ready = new TaskCompletionSource();
        cli.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(e.Data);
            }

            if (e.Data == "ready")
            {
                ready.TrySetResult();
            }
        };
        cli.BeginOutputReadLine();
        var error = cli.StandardError.ReadToEndAsync();
        try
        {
            await ready.Task.WaitAsync(Timeout);

            InProcessCli.Signal(cli, signal);
            await cli.WaitForExitAsync().WaitAsync(Timeout);
        }
        finally
        {
            if (!cli.HasExited)
            {
                cli.Kill(entireProcessTree: true);
            }
        }

        Assert.True(expectedExit == cli.ExitCode, $"exit {cli.ExitCode}; stderr: {await error}");
        lock (lines)
        {
            Assert.Contains($"got {signal}", lines);
        }
    }

    [Fact]
    public async Task A_signal_while_exec_d_programs_run_cancels_the_launch_before_the_process_starts()
    {
        var marker = _temp.Combine("process-started");
        var droplet = DropletBuilder.CloudFoundry(_temp)
            .Process("web", $"touch '{marker}'")
            .Executable("deps/0/exec.d/slow", "#!/usr/bin/env bash\necho in-exec-d\nsleep 30\n")
            .Pack();
        using var cli = CliProcess.Start(["run", droplet, "--dir", _temp.Combine("run"), "--log-format", "plain"]);
        var inExecD = new TaskCompletionSource();
        cli.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "in-exec-d")
            {
                inExecD.TrySetResult();
            }
        };
        cli.BeginOutputReadLine();
        var error = cli.StandardError.ReadToEndAsync();
        try
        {
            await inExecD.Task.WaitAsync(Timeout);

            InProcessCli.Signal(cli, "TERM");
            await cli.WaitForExitAsync().WaitAsync(Timeout);
        }
        finally
        {
            if (!cli.HasExited)
            {
                cli.Kill(entireProcessTree: true);
            }
        }

        Assert.Equal(143, cli.ExitCode);
        Assert.Contains("error BPK5004", await error, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task The_launched_process_dies_with_a_CLI_killed_by_SIGKILL()
    {
        var droplet = DropletBuilder.CloudFoundry(_temp).Process("web", "echo \"pid $$\"; exec sleep 300").Pack();
        using var cli = CliProcess.Start(["run", droplet, "--dir", _temp.Combine("run"), "--log-format", "plain"]);
        _ = cli.StandardError.ReadToEndAsync();
        var app = 0;
        while (app == 0 && await cli.StandardOutput.ReadLineAsync().WaitAsync(Timeout) is { } line)
        {
            if (line.StartsWith("pid ", StringComparison.Ordinal))
            {
                app = int.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        try
        {
            Assert.NotEqual(0, app);

            cli.Kill();
            await cli.WaitForExitAsync().WaitAsync(Timeout);

            Assert.False(ProcessState.IsRunning(app), $"the app (pid {app}) outlived the CLI");
        }
        finally
        {
            ProcessState.Kill(app == 0 ? [] : [app]);
        }
    }
}
