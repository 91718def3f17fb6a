using System.Runtime.InteropServices;
using Buildpacks.Cli.Tests.Support;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Cli.Tests;

/// <summary><c>buildpacks stage --stack-image</c> against the real engine (see <see cref="LocalContainerEngine"/>).</summary>
[Trait("Category", LocalContainerEngine.Category)]
[Collection(ContainerEngineCollection.Name)]
public sealed partial class ContainerStageCommandTests : IDisposable
{
    private const int SigInt = 2;
    private readonly TempDirectory _temp = new();
    private readonly IReadOnlyList<string> _before = LocalContainerEngine.Leftovers();

    public void Dispose() => _temp.Dispose();

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);

    [Fact]
    public async Task The_sample_buildpack_gives_the_same_droplet_in_the_stack_image_as_on_this_machine()
    {
        var app = _temp.CreateApp("publish", ("HelloWeb.runtimeconfig.json", "{}"), ("HelloWeb.dll", "not really an assembly"));
        var buildpack = Repository.SampleBuildpack;

        var host = await CliProcess.RunAsync(["stage", app, "-b", buildpack, "-o", _temp.Combine("host.tgz")]);
        var staged = await CliProcess.RunAsync(["stage", app, "-b", buildpack, "-o", _temp.Combine("container.tgz"), "--stack-image", LocalContainerEngine.StackImage]);

        Assert.True(host.ExitCode == 0, CliProcess.Describe(host));
        Assert.True(staged.ExitCode == 0, CliProcess.Describe(staged));
        Assert.Contains("entry assembly: HelloWeb.dll", staged.Output, StringComparison.Ordinal);
        Assert.Equal(Sha256Line(host.Output), Sha256Line(staged.Output));
        Assert.Empty(LocalContainerEngine.Leftovers().Except(_before));
    }

    [Fact]
    public async Task A_failing_compile_in_the_container_exits_223_and_leaves_no_container()
    {
        var app = _temp.CreateApp("app", ("fail-compile", ""));

        var run = await CliProcess.RunAsync(["stage", app, "-b", Repository.FixtureBuildpack("recorder"), "-o", _temp.Combine("app.tgz"), "--stack-image", LocalContainerEngine.StackImage]);

        Assert.Equal(223, run.ExitCode);
        Assert.Contains("error BPK1021: bin/compile of buildpack 'recorder' failed with exit code 7", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.Combine("app.tgz")));
        Assert.Empty(LocalContainerEngine.Leftovers().Except(_before));
    }

    [Fact]
    public async Task Ctrl_C_during_a_containerised_compile_leaves_no_container()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var droplet = _temp.Combine("app.tgz");
        using var process = CliProcess.Start(["stage", app, "-b", Repository.FixtureBuildpack("slow"), "-o", droplet, "-e", "SLOW_PID_FILE=/tmp/slow.pids", "--stack-image", LocalContainerEngine.StackImage]);
        var error = process.StandardError.ReadToEndAsync();
        while (await process.StandardOutput.ReadLineAsync() is { } line && !line.Contains("slow compile started", StringComparison.Ordinal))
        {
        }

        Assert.Single(LocalContainerEngine.Leftovers().Except(_before));
        Assert.Equal(0, Kill(process.Id, SigInt));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(130, process.ExitCode);
        Assert.Contains("BPK1041", await error, StringComparison.Ordinal);
        Assert.False(File.Exists(droplet));
        Assert.Empty(LocalContainerEngine.Leftovers().Except(_before));
    }

    [Fact]
    public async Task An_unknown_container_engine_is_a_coded_error_naming_the_option()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));

        var run = await CliProcess.RunAsync(["stage", app, "-b", Repository.FixtureBuildpack("recorder"), "--stack-image", LocalContainerEngine.StackImage, "--container-engine", "lxc"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("BPK1206: --container-engine 'lxc' is not known", run.Error, StringComparison.Ordinal);
    }

    private static string Sha256Line(string output) =>
        output.Split('\n').Single(line => line.TrimStart().StartsWith("sha256:", StringComparison.Ordinal)).Trim();
}
