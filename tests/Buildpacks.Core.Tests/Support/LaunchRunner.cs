using Buildpacks.Core.Launching;

namespace Buildpacks.Core.Tests.Support;

/// <summary>Launches a droplet with the real <see cref="Launcher"/> into a test's temp directory.</summary>
internal static class LaunchRunner
{
    /// <summary>Long enough for a slow CI machine, short enough that a hung process fails the test instead of the run.</summary>
    public static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    public static LaunchRequest Request(TempDirectory temp, string droplet, string processType = "web") => new()
    {
        DropletPath = droplet,
        ProcessType = processType,
        RunDirectory = temp.Combine("run"),
    };

    /// <summary>Starts the process and waits until it exits on its own.</summary>
    public static async Task<(int ExitCode, RecordingLaunchLog Log)> RunToExitAsync(LaunchRequest request)
    {
        var log = new RecordingLaunchLog();
        var launched = await new Launcher().StartAsync(request, log);
        await using (launched)
        {
            var exitCode = await launched.Exited.WaitAsync(ExitTimeout);
            return (exitCode, log);
        }
    }
}
