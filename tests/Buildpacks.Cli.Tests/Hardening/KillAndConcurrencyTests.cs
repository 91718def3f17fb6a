using System.Runtime.InteropServices;
using Buildpacks.Cli.Tests.Support;

namespace Buildpacks.Cli.Tests.Hardening;

/// <summary>
/// SIGKILL of the CLI, which nothing can catch: what it leaves, and that the next staging removes the leftovers it can
/// prove dead and succeeds. And eight stagings at once on one cache: each succeeds or is refused with BPK1070.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed partial class KillAndConcurrencyTests
{
    private const int SigKill = 9;

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);

    [Fact]
    public async Task SIGKILL_of_the_CLI_during_compile_leaves_leftovers_the_next_staging_sweeps()
    {
        using var scene = new HardeningScene();
        var arguments = scene.Stage(buildpack: scene.Compile("echo more > \"$2/new\"\nsetsid sleep 300 &\nsleep 300 &\necho compile waits\nwait"));
        var before = HardeningRunner.Snapshot.Of(scene);

        await KillDuringAsync(scene, arguments, () => Task.FromResult(true), "compile waits");

        // What SIGKILL leaves: the workspace in TMPDIR with the build directory's overlay still mounted, and the cache's
        // overlay stage, where the cache waits unchanged (renamed there, not copied) for the next staging to put it
        // back. Nothing runs, nothing else changed.
        HardeningRunner.AssertNothingRuns(scene);
        var workspace = Assert.Single(Directory.GetDirectories(scene.TempDirectory, "buildpacks-*"));
        var stage = Assert.Single(Directory.GetDirectories(Path.GetDirectoryName(scene.Cache)!, ".app.overlay-*"));
        Assert.NotEmpty(MountTable.Below(workspace));
        Assert.NotEmpty(MountTable.Below(stage));
        Assert.Equal(before.App, TreeState.Of(scene.App));
        Assert.Equal(before.Droplet, File.ReadAllBytes(scene.Droplet));
        Assert.Equal(before.Cache, TreeState.Of(ParkedCache(scene)));

        await AssertNextStagingSweepsAsync(scene, before);
    }

    [Fact]
    public async Task SIGKILL_of_the_CLI_while_packing_leaves_a_partial_droplet_the_next_staging_sweeps()
    {
        using var scene = new HardeningScene();
        var output = Path.GetDirectoryName(scene.Droplet)!;
        // 40 MB of random bytes take seconds to compress: the kill lands while the temporary droplet is written.
        var arguments = scene.Stage(buildpack: scene.Compile("head -c 40000000 /dev/urandom > \"$1/random.bin\""));
        var before = HardeningRunner.Snapshot.Of(scene);

        await KillDuringAsync(scene, arguments, () => Task.FromResult(Directory.GetFiles(output, ".app.droplet.tgz.*.tmp").Length > 0), "-----> pack");

        HardeningRunner.AssertNothingRuns(scene);
        Assert.Single(Directory.GetFiles(output, ".app.droplet.tgz.*.tmp"));
        Assert.Equal(before.Droplet, File.ReadAllBytes(scene.Droplet));
        Assert.Equal(before.Cache, TreeState.Of(ParkedCache(scene)));

        await AssertNextStagingSweepsAsync(scene, before);
    }

    [Fact]
    public async Task Eight_stagings_sharing_a_cache_each_succeed_or_are_refused_with_BPK1070_and_the_cache_counts_the_successes()
    {
        using var scene = new HardeningScene();
        scene.Stage();
        var before = HardeningRunner.Snapshot.Of(scene);
        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            HardeningRunner.RunCliAsync(scene, scene.Stage(output: scene.Combine("work", "out", $"app{i}.droplet.tgz")))));

        var succeeded = 0;
        foreach (var run in runs)
        {
            HardeningRunner.AssertNoStackTrace(run);
            if (run.ExitCode == 0)
            {
                succeeded++;
                continue;
            }

            HardeningRunner.AssertAnswer(new HardeningCase("concurrent", _ => [], "BPK1070"), run);
        }

        Assert.True(succeeded >= 1, string.Join("\n", runs.Select(CliProcess.Describe)));
        Assert.Equal($"{4 + succeeded}\n", File.ReadAllText(Path.Combine(scene.Cache, "count")));
        Assert.Equal(before.App, TreeState.Of(scene.App));
        Assert.Empty(Directory.GetFileSystemEntries(scene.TempDirectory));
        Assert.Equal(["app", "app.lock"], HardeningRunner.Names(Path.GetDirectoryName(scene.Cache)!));
        HardeningRunner.AssertNothingRuns(scene);
        await HardeningRunner.AssertNextStagingSucceedsAsync(scene);
    }

    // Where a staging parks the cache while its overlay is mounted: in the stage beside it.
    private static string ParkedCache(HardeningScene scene) =>
        Path.Combine(Assert.Single(Directory.GetDirectories(Path.GetDirectoryName(scene.Cache)!, ".app.overlay-*")), "lower", "cache");

    // Starts the CLI, waits for the line, then for the condition, and kills it with SIGKILL.
    private static async Task KillDuringAsync(HardeningScene scene, string[] arguments, Func<Task<bool>> ready, string line)
    {
        using var process = CliProcess.Start(arguments, scene.Environment, scene.Work);
        _ = process.StandardError.ReadToEndAsync();
        while (await process.StandardOutput.ReadLineAsync() is { } printed && !printed.Contains(line, StringComparison.Ordinal))
        {
        }

        for (var attempt = 0; attempt < 3000 && !await ready(); attempt++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(0, Kill(process.Id, SigKill));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(137, process.ExitCode);
    }

    // The next staging, with the same TMPDIR, cache and output, removes what the killed one left and succeeds.
    private static async Task AssertNextStagingSweepsAsync(HardeningScene scene, HardeningRunner.Snapshot before)
    {
        var next = await HardeningRunner.RunCliAsync(scene, scene.Stage());

        Assert.True(next.ExitCode == 0, CliProcess.Describe(next));
        Assert.Equal(["app.droplet.tgz"], HardeningRunner.Names(Path.GetDirectoryName(scene.Droplet)!));
        Assert.NotEqual(before.Droplet, File.ReadAllBytes(scene.Droplet));
        // The .NET runtime's own diagnostic pipes of the killed process (clr-debug-pipe-PID-*, dotnet-diagnostic-PID-*)
        // stay too: the runtime makes them, not the engine, and removes them only at a normal exit.
        Assert.DoesNotContain(HardeningRunner.Names(scene.TempDirectory), n => !n.StartsWith("clr-debug-pipe-", StringComparison.Ordinal) && !n.StartsWith("dotnet-diagnostic-", StringComparison.Ordinal));
        Assert.Equal(["app", "app.lock"], HardeningRunner.Names(Path.GetDirectoryName(scene.Cache)!));
        Assert.Equal("5\n", DropletContents.TextOf(scene.Droplet, "./app/cache-count"));
        Assert.Empty(MountTable.Below(scene.TempDirectory));
        Assert.Empty(MountTable.Below(Path.GetDirectoryName(scene.Cache)!));
        HardeningRunner.AssertNothingRuns(scene);
    }
}
