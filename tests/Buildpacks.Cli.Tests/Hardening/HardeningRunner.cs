using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Buildpacks.Cli.Tests.Support;

namespace Buildpacks.Cli.Tests.Hardening;

/// <summary>
/// Runs one <see cref="HardeningCase"/> through the real CLI and checks what every case must hold: the expected exit code
/// and one coded error line (or none), no stack trace, no secret echoed, the app unchanged (modes and link targets
/// too), the earlier droplet byte for byte or the new one whole, nothing new beside the output, TMPDIR empty, the
/// cache as it was (or replaced whole) and usable by the next staging, and no process of the case still running.
/// </summary>
public static partial class HardeningRunner
{
    // Only a safety net so a hang fails the case instead of the whole run; no case asserts on time.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public static async Task RunAsync(HardeningCase @case)
    {
        using var scene = new HardeningScene();
        if (@case.AsNobody)
        {
            OpenToEveryone(scene.Combine());
        }

        var arguments = @case.Arrange(scene);
        var before = Snapshot.Of(scene);
        var run = await RunCliAsync(scene, arguments, @case.AsNobody, @case.Signal, @case.SignalAfter);
        try
        {
            AssertAnswer(@case, run);
            AssertNothingChanged(@case, scene, before, run, arguments[0]);
            AssertNothingRuns(scene);
            @case.Then?.Invoke(scene, run);
            // A staging refused before any phase ran never touched the cache (its tree is compared above); the others
            // stage again with it, which must read it and count on.
            if (arguments[0] == "stage" && (run.ExitCode == 0 || run.Output.Contains("-----> ", StringComparison.Ordinal)))
            {
                scene.ReleaseHolds();
                await AssertNextStagingSucceedsAsync(scene);
            }
        }
        finally
        {
            ProcessState.Kill(ProcessState.WithVariable("HARDENING_MARK", scene.Mark));
        }
    }

    /// <summary>Runs the CLI in the scene (TMPDIR, mark, current directory), sending <paramref name="signal"/> after the line <paramref name="after"/>.</summary>
    public static async Task<CliRun> RunCliAsync(HardeningScene scene, string[] arguments, bool asNobody = false, string? signal = null, string after = "")
    {
        using var process = CliProcess.Start(arguments, scene.Environment, scene.Work, asNobody);
        var error = process.StandardError.ReadToEndAsync();
        var output = new StringBuilder();
        var reading = Task.Run(async () =>
        {
            var signalled = signal is null;
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                output.Append(line).Append('\n');
                if (!signalled && line.Contains(after, StringComparison.Ordinal))
                {
                    signalled = true;
                    InProcessCli.Signal(process, signal!);
                }
            }
        });
        try
        {
            await process.WaitForExitAsync().WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"buildpacks {string.Join(' ', arguments)} did not end: it hangs.\nstdout so far:\n{output}");
        }

        await reading;
        return new CliRun(process.ExitCode, output.ToString(), await error);
    }

    /// <summary>The exit code, exactly the expected error line (or none), no stack trace, no secret.</summary>
    public static void AssertAnswer(HardeningCase @case, CliRun run)
    {
        var described = CliProcess.Describe(run);
        Assert.True(run.ExitCode == @case.ExitCode, $"expected exit {@case.ExitCode}\n{described}");
        var errors = (run.Output + run.Error).Split('\n').Where(l => ErrorLine().IsMatch(l)).ToList();
        if (@case.Code is null)
        {
            Assert.True(errors.Count == 0, "expected no error\n" + described);
        }
        else
        {
            // The command line parser reports its own checks as "BPKnnnn: ..." after the usage text.
            var expected = @case.OptionError ? run.Error.StartsWith(@case.Code + ": ", StringComparison.Ordinal) && errors.Count == 0
                : errors.Count == 1 && errors[0].Contains($"error {@case.Code}: ", StringComparison.Ordinal);
            Assert.True(expected, $"expected one error {@case.Code}\n{described}");
        }

        if (@case.Warning is { } warning)
        {
            Assert.True(run.Output.Contains($"warning {warning}", StringComparison.Ordinal) || run.Error.Contains($"warning {warning}", StringComparison.Ordinal), $"expected warning {warning}\n{described}");
        }

        AssertNoStackTrace(run);
        if (@case.Secret is { } secret)
        {
            Assert.True(!run.Output.Contains(secret, StringComparison.Ordinal) && !run.Error.Contains(secret, StringComparison.Ordinal), "the secret was echoed\n" + described);
        }
    }

    public static void AssertNoStackTrace(CliRun run)
    {
        var all = run.Output + run.Error;
        Assert.False(all.Contains("   at ", StringComparison.Ordinal), "a stack trace\n" + CliProcess.Describe(run));
        Assert.False(all.Contains("Unhandled exception", StringComparison.Ordinal), "an unhandled exception\n" + CliProcess.Describe(run));
        Assert.False(ExceptionName().IsMatch(all), "an exception type name\n" + CliProcess.Describe(run));
    }

    /// <summary>App, output, TMPDIR and cache after the case, against <paramref name="before"/>.</summary>
    public static void AssertNothingChanged(HardeningCase @case, HardeningScene scene, Snapshot before, CliRun run, string command)
    {
        var succeeded = @case.Code is null && run.ExitCode == 0;
        Assert.Equal(before.App, TreeState.Of(scene.App));
        if (scene.Output is { } output)
        {
            var wrote = succeeded && command == "stage";
            if (wrote)
            {
                Assert.NotEqual(before.Droplet, File.ReadAllBytes(output));
                Assert.Contains(DropletContents.Read(output), e => e.Name == "./staging_info.yml");
            }
            else
            {
                Assert.Equal(before.Droplet, File.Exists(output) ? File.ReadAllBytes(output) : null);
            }

            if (before.OutputFolder is { } names)
            {
                Assert.Equal(wrote ? [.. names.Append(Path.GetFileName(output)).Distinct().Order(StringComparer.Ordinal)] : names, Names(Path.GetDirectoryName(output)!));
            }
        }

        // run keeps whole extractions (a folder named by the droplet's SHA-256) for the next run; nothing else may stay.
        var leftInTemp = Names(scene.TempDirectory);
        var runRoot = Path.Combine(scene.TempDirectory, "buildpacks-run");
        var keptExtractions = command == "run" && leftInTemp is ["buildpacks-run"] && Names(runRoot) is { Length: > 0 } kept && kept.All(n => Sha256Name().IsMatch(n));
        Assert.True(leftInTemp.Length == 0 || keptExtractions, "left in TMPDIR: " + string.Join(", ", leftInTemp) + " / " + string.Join(", ", Names(runRoot)));
        if (scene.UsedCache is { } cache && before.CacheFolder is { } cacheNames)
        {
            var name = Path.GetFileName(cache);
            var left = Names(Path.GetDirectoryName(cache)!);
            Assert.DoesNotContain(left, n => n.StartsWith($".{name}.staging-", StringComparison.Ordinal) || n.StartsWith($"{name}.old-", StringComparison.Ordinal));
            Assert.Empty(left.Except([.. cacheNames, name, name + ".lock"]));
            if (!succeeded)
            {
                Assert.Equal(before.Cache, Directory.Exists(cache) ? TreeState.Of(cache) : null);
            }
        }
    }

    /// <summary>No process with the case's mark runs (a zombie does not run).</summary>
    public static void AssertNothingRuns(HardeningScene scene)
    {
        var left = ProcessState.WithVariable("HARDENING_MARK", scene.Mark);
        Assert.All(left, pid => Assert.False(ProcessState.IsRunning(pid), $"process {pid} of the case still runs: {Command(pid)}"));
    }

    /// <summary>A clean app staged with the scene's cache: the cache reads and counts on from where the case left it.</summary>
    public static async Task AssertNextStagingSucceedsAsync(HardeningScene scene, string? cache = null)
    {
        cache ??= scene.Cache;
        var app = scene.Combine("next-app");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "index.txt"), "next");
        var countFile = Path.Combine(cache, "count");
        var count = File.Exists(countFile) && int.TryParse(File.ReadAllText(countFile), out var parsed) ? parsed : 0;
        var droplet = scene.Combine("next", Guid.NewGuid().ToString("N")[..6] + ".tgz");

        var (exitCode, output, error) = await InProcessCli.InProcessAsync("stage", app, "-b", HardeningScene.CacheWiper, "-o", droplet, "--cache-dir", cache);

        Assert.True(exitCode == 0, $"the next staging failed ({exitCode}):\n{output}\n{error}");
        Assert.Equal($"{count + 1}\n", DropletContents.TextOf(droplet, "./app/cache-count"));
    }

    public static string[] Names(string directory) =>
        Directory.Exists(directory) ? [.. Directory.GetFileSystemEntries(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal)!] : [];

    private static string Command(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "(gone)";
        }
    }

    // The user nobody must reach the scene and write its outputs and TMPDIR.
    private static void OpenToEveryone(string root)
    {
        foreach (var directory in Directory.GetDirectories(root, "*", SearchOption.AllDirectories).Append(root))
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_111_111);
        }

        foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(file, File.GetUnixFileMode(file) | UnixFileMode.OtherRead | UnixFileMode.OtherWrite);
        }
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Name();

    [GeneratedRegex(@"(^|\s)error BPK\d{4}")]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"\b(System|Buildpacks|Microsoft)(\.\w+)*\.\w*Exception\b|\b\w+Exception:")]
    private static partial Regex ExceptionName();

    /// <summary>What a case must not change, taken after it was arranged.</summary>
    public sealed record Snapshot(string App, byte[]? Droplet, string[]? OutputFolder, string? Cache, string[]? CacheFolder)
    {
        public static Snapshot Of(HardeningScene scene)
        {
            var output = scene.Output;
            var outputFolder = output is null ? null : Path.GetDirectoryName(output);
            var cache = scene.UsedCache;
            return new Snapshot(
                TreeState.Of(scene.App),
                output is not null && File.Exists(output) ? File.ReadAllBytes(output) : null,
                outputFolder is not null && Directory.Exists(outputFolder) ? Names(outputFolder) : null,
                cache is not null && Directory.Exists(cache) && !File.Exists(cache) ? TreeState.Of(cache) : null,
                cache is not null && Directory.Exists(Path.GetDirectoryName(cache)) ? Names(Path.GetDirectoryName(cache)!) : null);
        }
    }
}
