using System.Runtime.InteropServices;
using Buildpacks.Cli.Tests.Support;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Cli.Tests;

[Trait("Category", "EndToEnd")]
public sealed partial class InterruptTests : IDisposable
{
    private const int SigInt = 2;
    private const int SigKill = 9;
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

        var tree = ProcessState.WithVariable("SLOW_PID_FILE", pids);
        Assert.Equal(0, Kill(process.Id, SigInt));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(130, process.ExitCode);
        Assert.Contains("BPK1041", await error, StringComparison.Ordinal);
        Assert.False(File.Exists(droplet));
        Assert.True(tree.Count >= 2, $"found {tree.Count} processes of the compile while it ran");
        Assert.All(tree, pid => Assert.False(ProcessState.IsRunning(pid), $"process {pid} still runs"));
    }

    [Fact]
    public async Task SIGKILL_of_the_CLI_takes_the_buildpack_s_whole_tree_with_it()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var mark = Guid.NewGuid().ToString("N");
        var ack = _temp.Combine("ack");
        string[] variables = ["DAEMONS_MARK=" + mark, "DAEMONS_ACK=" + ack, "DAEMONS_HANG=1"];
        using var process = CliProcess.Start(["stage", app, "-b", Repository.FixtureBuildpack("daemons"), "-o", _temp.Combine("out", "app.tgz"), .. variables.SelectMany(v => new[] { "-e", v })]);
        _ = process.StandardError.ReadToEndAsync();
        while (await process.StandardOutput.ReadLineAsync() is { } line && !line.Contains("daemons started", StringComparison.Ordinal))
        {
        }

        var tree = ProcessState.WithVariable("DAEMONS_MARK", mark);
        try
        {
            File.WriteAllText(ack, "");
            Assert.True(tree.Count >= 4, $"found {tree.Count} processes of the compile while it ran");

            Assert.Equal(0, Kill(process.Id, SigKill));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.All(tree, pid => Assert.False(ProcessState.IsRunning(pid), $"process {pid} outlived the CLI"));
        }
        finally
        {
            ProcessState.Kill(tree);
        }
    }
}
