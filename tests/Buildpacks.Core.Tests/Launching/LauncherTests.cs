using System.Runtime.InteropServices;
using System.Text.Json;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Launching;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Launching;

/// <summary>The launcher with real bash processes: commands, environment, exit codes and signals.</summary>
public sealed class LauncherTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_process_exit_code_comes_back()
    {
        var droplet = DropletBuilder.CloudFoundry(_temp).Process("web", "echo out; echo err >&2; exit 26").Pack();

        var (exitCode, log) = await LaunchRunner.RunToExitAsync(LaunchRunner.Request(_temp, droplet));

        Assert.Equal(26, exitCode);
        Assert.Equal(["out"], log.Output);
        Assert.Equal(["err"], log.Errors);
    }

    [Theory]
    [InlineData(PosixSignal.SIGTERM, 42, "got TERM")]
    [InlineData(PosixSignal.SIGINT, 43, "got INT")]
    public async Task Signals_are_passed_to_the_process(PosixSignal signal, int expectedExit, string expectedLine)
    {
        var droplet = DropletBuilder.CloudFoundry(_temp)
            .Process("web", "trap 'echo got TERM; exit 42' TERM; trap 'echo got INT; exit 43' INT; echo ready; while :; do sleep 0.1; done")
            .Pack();
        var log = new RecordingLaunchLog();
        var launched = await new Launcher().StartAsync(LaunchRunner.Request(_temp, droplet), log);
        await using (launched)
        {
            await WaitForAsync(() => log.Output.Contains("ready"));

            launched.Signal(signal);

            Assert.Equal(expectedExit, await launched.Exited.WaitAsync(LaunchRunner.ExitTimeout));
            Assert.Contains(expectedLine, log.Output);
        }
    }

    [Fact]
    public async Task Stop_kills_a_process_that_ignores_SIGTERM_and_everything_it_started()
    {
        var droplet = DropletBuilder.CloudFoundry(_temp)
            .Process("web", "trap '' TERM; sleep 300 & echo \"CHILD=$!\"; echo ready; while :; do sleep 0.1; done")
            .Pack();
        var log = new RecordingLaunchLog();
        var launched = await new Launcher().StartAsync(LaunchRunner.Request(_temp, droplet), log);
        await using (launched)
        {
            await WaitForAsync(() => log.Output.Contains("ready"));
            var child = int.Parse(log.Printed("CHILD")!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Directory.Exists($"/proc/{child}"));

            var exitCode = await launched.StopAsync(TimeSpan.FromSeconds(1));

            Assert.Equal(128 + 9, exitCode);
            await WaitForAsync(() => !Directory.Exists($"/proc/{child}") || File.ReadAllText($"/proc/{child}/stat").Contains(") Z ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Cloud_Foundry_environment_home_tmpdir_deps_dir_port_and_vcap_application()
    {
        var droplet = DropletBuilder.CloudFoundry(_temp)
            .Process("web", "env")
            .ConfigVar("FROM_RELEASE", "release").ConfigVar("OVERRIDDEN", "release").ConfigVar("PORT", "1")
            .Pack("shop.droplet.tgz");
        var request = LaunchRunner.Request(_temp, droplet) with
        {
            Port = 9876,
            Environment = new Dictionary<string, string> { ["OVERRIDDEN"] = "caller" },
        };

        var (_, log) = await LaunchRunner.RunToExitAsync(request);

        var root = Directory.GetDirectories(_temp.Combine("run")).Single();
        Assert.Equal(Path.Combine(root, "app"), log.Printed("HOME"));
        Assert.Equal(Path.Combine(root, "app"), log.Printed("PWD"));
        Assert.Equal(Path.Combine(root, "tmp"), log.Printed("TMPDIR"));
        Assert.Equal(Path.Combine(root, "deps"), log.Printed("DEPS_DIR"));
        Assert.Equal("9876", log.Printed("PORT"));
        Assert.Equal("release", log.Printed("FROM_RELEASE"));
        Assert.Equal("caller", log.Printed("OVERRIDDEN"));
        using var vcap = JsonDocument.Parse(log.Printed("VCAP_APPLICATION")!);
        Assert.Equal("0.0.0.0", vcap.RootElement.GetProperty("host").GetString());
        Assert.Equal(9876, vcap.RootElement.GetProperty("port").GetInt32());
        Assert.Equal("shop", vcap.RootElement.GetProperty("application_name").GetString());
        Assert.Equal(Environment.GetEnvironmentVariable("PATH"), log.Printed("PATH"));
    }

    [Fact]
    public async Task The_entrypoint_prefix_replaces_bash_c()
    {
        var droplet = DropletBuilder.CloudFoundry(_temp)
            .Process("web", "echo \"PREFIXED=$PREFIXED\"")
            .EntrypointPrefix("env PREFIXED=yes bash -c")
            .Pack();

        var (_, log) = await LaunchRunner.RunToExitAsync(LaunchRunner.Request(_temp, droplet));

        Assert.Equal("yes", log.Printed("PREFIXED"));
    }

    [Fact]
    public async Task A_droplet_staged_elsewhere_takes_web_from_start_command_and_other_types_from_the_Procfile()
    {
        var droplet = DropletBuilder.CloudFoundry(_temp)
            .Process("web", "echo WEB=start-command")
            .StartCommandOnly()
            .File("app/Procfile", "web: echo WEB=procfile\nworker: echo WORKER=procfile\n")
            .Pack();

        var (_, web) = await LaunchRunner.RunToExitAsync(LaunchRunner.Request(_temp, droplet));
        var (_, worker) = await LaunchRunner.RunToExitAsync(LaunchRunner.Request(_temp, droplet, "worker"));

        Assert.Equal("start-command", web.Printed("WEB"));
        Assert.Equal("procfile", worker.Printed("WORKER"));
    }

    [Fact]
    public async Task A_slug_takes_process_types_and_config_vars_from_its_release_and_Procfile()
    {
        var droplet = DropletBuilder.Slug(_temp)
            .Process("web", "echo WEB=release")
            .Process("worker", "echo WORKER=release")
            .ConfigVar("FROM_RELEASE", "yes")
            .File("Procfile", "worker: echo \"WORKER=procfile $FROM_RELEASE\"\n")
            .Pack();

        var (_, worker) = await LaunchRunner.RunToExitAsync(LaunchRunner.Request(_temp, droplet, "worker"));
        var (_, web) = await LaunchRunner.RunToExitAsync(LaunchRunner.Request(_temp, droplet));

        Assert.Equal("procfile yes", worker.Printed("WORKER"));
        Assert.Equal("release", web.Printed("WEB"));
    }

    [Fact]
    public async Task An_unknown_process_type_names_the_ones_there_are()
    {
        var droplet = DropletBuilder.CloudFoundry(_temp).Process("web", "true").Process("worker", "true").Pack();

        var error = await Assert.ThrowsAsync<BuildpackException>(() => new Launcher().StartAsync(LaunchRunner.Request(_temp, droplet, "clock"), new RecordingLaunchLog()));

        Assert.Equal(ErrorCodes.ProcessTypeNotFound, error.Code);
        Assert.Contains("'clock'", error.Message, StringComparison.Ordinal);
        Assert.Contains("web, worker", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "web")]
    [InlineData(70000, "web")]
    [InlineData(8080, "web worker")]
    public async Task An_invalid_request_is_a_coded_error(int port, string type)
    {
        var droplet = DropletBuilder.CloudFoundry(_temp).Process("web", "true").Pack();

        var error = await Assert.ThrowsAsync<BuildpackException>(() =>
            new Launcher().StartAsync(LaunchRunner.Request(_temp, droplet, type) with { Port = port }, new RecordingLaunchLog()));

        Assert.Equal(ErrorCodes.InvalidLaunchRequest, error.Code);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + LaunchRunner.ExitTimeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the process");
            await Task.Delay(50);
        }
    }
}
