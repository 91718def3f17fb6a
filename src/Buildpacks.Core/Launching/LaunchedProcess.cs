using Buildpacks.Core.Execution;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Buildpacks.Core.Launching;

/// <summary>
/// A process started from a droplet. Its output goes to the launch's log; <see cref="Exited"/> gives its exit code;
/// <see cref="StopAsync"/> stops it the way a platform does (SIGTERM, then SIGKILL after a grace period).
/// Disposing stops it.
/// </summary>
internal sealed class LaunchedProcess : IAsyncDisposable
{
    /// <summary>How long <see cref="StopAsync"/> waits after SIGTERM before it kills the process, as Cloud Foundry does.</summary>
    public static readonly TimeSpan DefaultStopGrace = TimeSpan.FromSeconds(10);

    private readonly bool _isGroupLeader;

    internal LaunchedProcess(Process process, bool isGroupLeader, Task pumps, LaunchPlan plan)
    {
        Process = process;
        _isGroupLeader = isGroupLeader;
        RunDirectory = plan.RunDirectory;
        AppDirectory = plan.AppDirectory;
        ProcessType = plan.ProcessType;
        Command = plan.Command;
        Port = plan.Port;
        Exited = WaitAsync(pumps);
    }

    /// <summary>The process: bash sourcing the profile scripts, which then becomes the command.</summary>
    public Process Process { get; }

    /// <summary>Completes with the process's exit code (128 + the signal number when a signal ended it).</summary>
    public Task<int> Exited { get; }

    /// <summary>The extracted droplet.</summary>
    public string RunDirectory { get; }

    /// <summary>The app directory: <c>HOME</c> and the working directory.</summary>
    public string AppDirectory { get; }

    /// <summary>The process type started.</summary>
    public string ProcessType { get; }

    /// <summary>Its command.</summary>
    public string Command { get; }

    /// <summary>The port given in <c>PORT</c>.</summary>
    public int Port { get; }

    /// <summary>Passes a signal (e.g. SIGINT, SIGTERM) to the process and everything it started; ignored once it exited.</summary>
    public void Signal(PosixSignal signal)
    {
        var number = ProcessSignals.Number(signal);
        if (!Exited.IsCompleted)
        {
            ProcessSignals.Send(Process.Id, _isGroupLeader, number);
        }
    }

    /// <summary>Sends SIGTERM, waits up to <paramref name="grace"/> (default <see cref="DefaultStopGrace"/>), then kills; returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan? grace = null)
    {
        if (!Exited.IsCompleted)
        {
            Signal(PosixSignal.SIGTERM);
            try
            {
                await Exited.WaitAsync(grace ?? DefaultStopGrace).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                ProcessSignals.Send(Process.Id, _isGroupLeader, ProcessSignals.SigKill);
            }
        }

        return await Exited.ConfigureAwait(false);
    }

    /// <summary>Stops the process if it still runs.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        Process.Dispose();
    }

    private async Task<int> WaitAsync(Task pumps)
    {
        await Process.WaitForExitAsync().ConfigureAwait(false);
        var exitCode = Process.ExitCode;

        // A platform tears the container down with the process: whatever it left running in its group goes too.
        if (_isGroupLeader)
        {
            ProcessSignals.Send(Process.Id, isGroupLeader: true, ProcessSignals.SigKill);
        }

        await OutputPump.DrainAsync(pumps).ConfigureAwait(false);
        return exitCode;
    }
}
