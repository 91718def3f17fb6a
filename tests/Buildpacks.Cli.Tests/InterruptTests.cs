using System.Runtime.InteropServices;
using Buildpacks.Cli.Tests.Support;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Cli.Tests;

[Trait("Category", "EndToEnd")]
public sealed partial class InterruptTests : IDisposable
{
    private const int SigInt = 2;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);

    [Fact]
    public async Task Ctrl_C_stops_the_buildpack_and_leaves_no_droplet()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var pids = _temp.Combine("pids");
        var droplet = _temp.Combine("out", "app.tgz");
        using var process = CliProcess.Start(["stage", app, "-b", Repository.FixtureBuildpack("slow"), "-o", droplet, "-e", "SLOW_PID_FILE=" + pids]);
        var error = process.StandardError.ReadToEndAsync();
        while (await process.StandardOutput.ReadLineAsync() is { } line && !line.Contains("slow compile started", StringComparison.Ordinal))
        {
        }

        Assert.Equal(0, Kill(process.Id, SigInt));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(130, process.ExitCode);
        Assert.Contains("BPK1041", await error, StringComparison.Ordinal);
        Assert.False(File.Exists(droplet));
        foreach (var pid in File.ReadAllLines(pids).Select(int.Parse))
        {
            Assert.False(ProcessState.IsRunning(pid), $"process {pid} still runs");
        }
    }
}
