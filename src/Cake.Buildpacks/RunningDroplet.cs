using Buildpacks.Core.Launching;

namespace Cake.Buildpacks;

/// <summary>
/// A droplet started by <see cref="BuildpacksAliases.DropletRun"/>. It runs in a process group of its own until
/// stopped, or killed when the Cake process ends: call <see cref="Stop"/>, or dispose it (<c>using var app = DropletRun(...)</c>).
/// </summary>
public sealed class RunningDroplet : IDisposable
{
    private readonly LaunchedProcess _process;

    internal RunningDroplet(LaunchedProcess process) => _process = process;

    /// <summary>The process type that runs.</summary>
    public string ProcessType => _process.ProcessType;

    /// <summary>The command that runs.</summary>
    public string Command => _process.Command;

    /// <summary>The port the app was given as <c>PORT</c>.</summary>
    public int Port => _process.Port;

    /// <summary>The loopback URL of the app: <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Url => new($"http://127.0.0.1:{Port}/");

    /// <summary>The app directory inside the run directory.</summary>
    public string AppDirectory => _process.AppDirectory;

    /// <summary>Whether the process still runs.</summary>
    public bool IsRunning => !_process.Exited.IsCompleted;

    /// <summary>The process id.</summary>
    public int ProcessId => _process.Process.Id;

    /// <summary>
    /// Waits until the app accepts TCP connections on <see cref="Port"/> at 127.0.0.1: apps take a moment to
    /// start listening, so a smoke test waits for this before its first request.
    /// </summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>True when the port answers; false when the app exited or did not listen within <paramref name="timeout"/>.</returns>
    public bool WaitUntilListening(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!_process.Exited.IsCompleted)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                client.Connect(System.Net.IPAddress.Loopback, Port);
                return true;
            }
            catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
            catch (System.Net.Sockets.SocketException)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Stops the app (SIGTERM, then SIGKILL after <paramref name="grace"/>, default 10 s) and returns its exit code.</summary>
    /// <param name="grace">How long the app may take to stop after SIGTERM.</param>
    /// <returns>The app's exit code.</returns>
    public int Stop(TimeSpan? grace = null) => _process.StopAsync(grace).GetAwaiter().GetResult();

    /// <summary>Waits for the app to exit by itself.</summary>
    /// <param name="timeout">How long to wait; null waits forever.</param>
    /// <returns>The exit code, or null when the app still runs after <paramref name="timeout"/>.</returns>
    public int? WaitForExit(TimeSpan? timeout = null)
    {
        var exited = _process.Exited;
        if (timeout is { } limit && !exited.Wait(limit))
        {
            return null;
        }

        return exited.GetAwaiter().GetResult();
    }

    /// <summary>Stops the app if it still runs.</summary>
    public void Dispose() => _process.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
