using System.Diagnostics;
using System.Text;

namespace Buildpacks.Testing;

/// <summary>Whether a process still runs, from /proc.</summary>
public static class ProcessState
{
    /// <summary>
    /// A killed process whose parent is gone may linger as a zombie until init reaps it: that is not running.
    /// Waits up to five seconds for a stopping process to go.
    /// </summary>
    public static bool IsRunning(int pid)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (!IsRunningNow(pid))
            {
                return false;
            }

            Thread.Sleep(100);
        }

        return true;
    }

    /// <summary>
    /// The host pids of the running processes whose environment holds <paramref name="name"/>=<paramref name="value"/>.
    /// A script in a PID namespace sees other pids than the host ($$ is 1 there), so tests find a staging's
    /// processes by a variable they gave it, which every child inherits.
    /// </summary>
    public static IReadOnlyList<int> WithVariable(string name, string value)
    {
        var entry = name + "=" + value;
        var pids = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var environment = Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(directory, "environ"))).Split('\0');
                if (environment.Contains(entry, StringComparer.Ordinal) && IsRunningNow(pid))
                {
                    pids.Add(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Gone while we looked.
            }
        }

        return pids;
    }

    /// <summary>Kills those of <paramref name="pids"/> still running: cleanup, so a failing test leaves no sleeper behind.</summary>
    public static void Kill(IEnumerable<int> pids)
    {
        foreach (var pid in pids)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }
        }
    }

    /// <summary>Whether the process runs at this moment (a zombie does not), without waiting for it to go.</summary>
    public static bool IsRunningNow(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat").Split(") ", 2)[1][0] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
