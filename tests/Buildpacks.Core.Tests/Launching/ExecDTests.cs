using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Launching;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Launching;

/// <summary>exec.d programs run by the real launcher, with real bash programs writing to fd 3.</summary>
public sealed class ExecDTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Writes(string toml) => $"#!/usr/bin/env bash\ncat >&3 <<'TOML'\n{toml}\nTOML\n";

    // Each program appends its own name to ORDER, so the value shows the order and that each saw the ones before.
    private static string AppendsToOrder(string name) => $"#!/usr/bin/env bash\nprintf 'ORDER = \"%s\"\\n' \"${{ORDER:-}},{name}\" >&3\n";

    private DropletBuilder Droplet() => DropletBuilder.CloudFoundry(_temp)
        .Process("web", "echo \"EXAMPLE=${EXAMPLE:-}\"; echo \"ORDER=${ORDER:-}\"; echo \"ONLY_WEB=${ONLY_WEB:-}\"; echo \"ONLY_WORKER=${ONLY_WORKER:-}\"")
        .Process("worker", "echo \"ONLY_WEB=${ONLY_WEB:-}\"; echo \"ONLY_WORKER=${ONLY_WORKER:-}\"");

    [Fact]
    public async Task A_program_writing_EXAMPLE_to_fd_3_sets_it_for_the_process()
    {
        var droplet = Droplet().Executable("deps/0/exec.d/example", Writes("EXAMPLE = \"test\"")).Pack();

        var (exitCode, log) = await LaunchRunner.RunToExitAsync(LaunchRunner.Request(_temp, droplet));

        Assert.Equal(0, exitCode);
        Assert.Equal("test", log.Printed("EXAMPLE"));
        Assert.Contains("exec.d: deps/0/exec.d/example", log.Info);
    }

    [Fact]
    public async Task Programs_run_by_buildpack_then_general_before_type_specific_then_by_name_and_see_earlier_values()
    {
        var droplet = Droplet()
            .Executable("deps/1/exec.d/d", AppendsToOrder("d"))
            .Executable("deps/0/exec.d/b", AppendsToOrder("b"))
            .Executable("deps/0/exec.d/web/c", AppendsToOrder("c"))
            .Executable("deps/0/exec.d/a", AppendsToOrder("a"))
            .Executable("deps/0/exec.d/.dot", AppendsToOrder(".dot"))
            .Executable("deps/0/exec.d/worker/not-for-web", AppendsToOrder("worker"))
            .Executable("layers/bp/layer/exec.d/e", AppendsToOrder("e"))
            .Pack();

        var (_, log) = await LaunchRunner.RunToExitAsync(LaunchRunner.Request(_temp, droplet));

        Assert.Equal(",.dot,a,b,c,d,e", log.Printed("ORDER"));
    }

    [Theory]
    [InlineData("web", "yes", "")]
    [InlineData("worker", "", "yes")]
    public async Task A_process_specific_program_runs_only_for_its_type(string type, string onlyWeb, string onlyWorker)
    {
        var droplet = Droplet()
            .Executable("deps/0/exec.d/web/only-web", Writes("ONLY_WEB = \"yes\""))
            .Executable("deps/0/exec.d/worker/only-worker", Writes("ONLY_WORKER = \"yes\""))
            .Pack();

        var (_, log) = await LaunchRunner.RunToExitAsync(LaunchRunner.Request(_temp, droplet, type));

        Assert.Equal(onlyWeb, log.Printed("ONLY_WEB"));
        Assert.Equal(onlyWorker, log.Printed("ONLY_WORKER"));
    }

    [Fact]
    public async Task A_linked_program_sees_the_link_as_argv0_not_its_target()
    {
        var droplet = Droplet()
            .Process("web", "echo \"ARGV0=$ARGV0\"")
            .Executable("deps/0/helpers/dispatch", "#!/usr/bin/env bash\nprintf 'ARGV0 = \"%s\"\\n' \"$0\" >&3\n")
            .Link("deps/0/exec.d/my-name", "../helpers/dispatch")
            .Pack();

        var (_, log) = await LaunchRunner.RunToExitAsync(LaunchRunner.Request(_temp, droplet));

        var argv0 = log.Printed("ARGV0")!;
        Assert.EndsWith("/deps/0/exec.d/my-name", argv0, StringComparison.Ordinal);
        Assert.StartsWith(_temp.Combine("run") + "/", argv0, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Programs_run_in_the_app_directory_with_an_empty_stdin_and_the_environment_so_far()
    {
        var droplet = Droplet()
            .Process("web", "echo \"CWD=$CWD\"; echo \"STDIN=$STDIN\"; echo \"SAW=$SAW\"")
            .Executable(
                "deps/0/exec.d/probe",
                "#!/usr/bin/env bash\n" +
                "if read -r -t 5 line; then stdin=data; else stdin=eof; fi\n" +
                "printf 'CWD = \"%s\"\\nSTDIN = \"%s\"\\nSAW = \"%s|%s|%s\"\\n' \"$(pwd -P)\" \"$stdin\" \"$PORT\" \"$MY_SETTING\" \"$HOME\" >&3\n")
            .Pack();
        var request = LaunchRunner.Request(_temp, droplet) with { Port = 9123, Environment = new Dictionary<string, string> { ["MY_SETTING"] = "on" } };

        var (_, log) = await LaunchRunner.RunToExitAsync(request);

        var app = Path.Combine(Directory.GetDirectories(_temp.Combine("run")).Single(), "app");
        Assert.Equal(app, log.Printed("CWD"));
        Assert.Equal("eof", log.Printed("STDIN"));
        Assert.Equal($"9123|on|{app}", log.Printed("SAW"));
    }

    [Fact]
    public async Task Values_override_the_callers_variables_and_later_programs_override_earlier_ones()
    {
        var droplet = Droplet()
            .Executable("deps/0/exec.d/1-first", Writes("EXAMPLE = \"first\""))
            .Executable("deps/0/exec.d/2-second", Writes("EXAMPLE = \"second\""))
            .Pack();
        var request = LaunchRunner.Request(_temp, droplet) with { Environment = new Dictionary<string, string> { ["EXAMPLE"] = "from-caller" } };

        var (_, log) = await LaunchRunner.RunToExitAsync(request);

        Assert.Equal("second", log.Printed("EXAMPLE"));
    }

    public static TheoryData<string, string, string> BrokenPrograms() => new()
    {
        { "#!/usr/bin/env bash\necho 'cannot reach the key store' >&2\nexit 3\n", ErrorCodes.ExecDFailed, "exited with code 3" },
        { Writes("EXAMPLE = test"), ErrorCodes.ExecDOutputInvalid, "line 1, column" },
        { Writes("EXAMPLE = \"ok\"\nCOUNT = 3"), ErrorCodes.ExecDValueNotString, "COUNT" },
        { Writes("ENABLED = true"), ErrorCodes.ExecDValueNotString, "ENABLED" },
        { Writes("LIST = [\"a\"]"), ErrorCodes.ExecDValueNotString, "LIST" },
        { Writes("NESTED.KEY = \"x\""), ErrorCodes.ExecDValueNotString, "NESTED" },
    };

    [Theory]
    [MemberData(nameof(BrokenPrograms))]
    public async Task A_failing_malformed_or_non_string_program_stops_the_launch_with_its_code(string program, string code, string detail)
    {
        var marker = _temp.Combine("process-started");
        var droplet = Droplet()
            .Process("web", $"touch '{marker}'")
            .Executable("deps/0/exec.d/broken", program)
            .Pack();
        var log = new RecordingLaunchLog();

        var error = await Assert.ThrowsAsync<BuildpackException>(() => new Launcher().StartAsync(LaunchRunner.Request(_temp, droplet), log));

        Assert.Equal(code, error.Code);
        Assert.Contains("'deps/0/exec.d/broken'", error.Message, StringComparison.Ordinal);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
        Assert.EndsWith("/deps/0/exec.d/broken", error.File, StringComparison.Ordinal);
        Assert.True(File.Exists(error.File));
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public async Task A_failing_programs_stderr_reaches_the_log()
    {
        var droplet = Droplet().Executable("deps/0/exec.d/broken", "#!/usr/bin/env bash\necho 'cannot reach the key store' >&2\nexit 3\n").Pack();
        var log = new RecordingLaunchLog();

        await Assert.ThrowsAsync<BuildpackException>(() => new Launcher().StartAsync(LaunchRunner.Request(_temp, droplet), log));

        Assert.Contains("cannot reach the key store", log.Errors);
    }

    [Fact]
    public async Task A_program_without_the_exec_bit_stops_the_launch()
    {
        var droplet = Droplet().File("deps/0/exec.d/README", "not a program").Pack();

        var error = await Assert.ThrowsAsync<BuildpackException>(() => new Launcher().StartAsync(LaunchRunner.Request(_temp, droplet), new RecordingLaunchLog()));

        Assert.Equal(ErrorCodes.ExecDNotExecutable, error.Code);
        Assert.Contains("chmod +x", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Layer_env_files_apply_before_layer_exec_d_programs()
    {
        var droplet = Droplet()
            .Process("web", "echo \"SAW=$SAW\"; echo \"FROM_LAYER=$FROM_LAYER\"")
            .File("layers/bp/layer/env.launch/FROM_LAYER", "layer-value")
            .Executable("layers/bp/layer/exec.d/probe", "#!/usr/bin/env bash\nprintf 'SAW = \"%s\"\\n' \"$FROM_LAYER\" >&3\n")
            .Pack();

        var (_, log) = await LaunchRunner.RunToExitAsync(LaunchRunner.Request(_temp, droplet));

        Assert.Equal("layer-value", log.Printed("SAW"));
        Assert.Equal("layer-value", log.Printed("FROM_LAYER"));
    }

    [Fact]
    public async Task An_unquoted_secret_written_by_exec_d_is_not_echoed_in_the_error()
    {
        // exec.d programs exist to fetch secrets; a missing pair of quotes must not print the token.
        var droplet = Droplet().Executable("deps/0/exec.d/vault", Writes("API_TOKEN = s3cr3tvalue")).Pack();

        var error = await Assert.ThrowsAsync<BuildpackException>(() => LaunchRunner.RunToExitAsync(LaunchRunner.Request(_temp, droplet)));

        Assert.Equal(ErrorCodes.ExecDOutputInvalid, error.Code);
        Assert.Contains("API_TOKEN", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 1, column", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3tvalue", error.Message, StringComparison.Ordinal);
    }
}
