using System.Diagnostics;

namespace Buildpacks.Core.Execution;

/// <summary>Forwards a started process's stdout and stderr, line by line, as they arrive. One pump for scripts, exec.d programs and launched apps.</summary>
internal static class OutputPump
{
    // Output still open this long after the process exited belongs to a background process it left behind.
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    /// <summary>Starts pumping; <paramref name="onLine"/> gets each line and whether it came from stderr, never two at once.</summary>
    public static Task Start(Process process, Action<string, bool> onLine)
    {
        var gate = new object();
        void Emit(string line, bool isError)
        {
            lock (gate)
            {
                onLine(line, isError);
            }
        }

        return Task.WhenAll(
            OutputLines.PumpAsync(process.StandardOutput, line => Emit(line, false)),
            OutputLines.PumpAsync(process.StandardError, line => Emit(line, true)));
    }

    /// <summary>Waits for the pumps to drain, but not for a daemon that keeps the pipes open; true when they drained.</summary>
    public static async Task<bool> DrainAsync(Task pumps, CancellationToken cancellationToken = default)
    {
        try
        {
            await pumps.WaitAsync(Grace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
