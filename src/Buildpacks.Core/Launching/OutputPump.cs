using System.Diagnostics;
using Buildpacks.Core.Execution;

namespace Buildpacks.Core.Launching;

/// <summary>Forwards a started process's stdout and stderr to the log, line by line, as they arrive.</summary>
internal static class OutputPump
{
    // Output still open this long after the process exited belongs to a background process it left behind.
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    public static Task Start(Process process, ILaunchLog log) => Task.WhenAll(
        OutputLines.PumpAsync(process.StandardOutput, line => log.Output(line, false)),
        OutputLines.PumpAsync(process.StandardError, line => log.Output(line, true)));

    /// <summary>Waits for the pumps to drain, but not for a daemon that keeps the pipes open.</summary>
    public static async Task DrainAsync(Task pumps)
    {
        try
        {
            await pumps.WaitAsync(Grace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
    }
}
