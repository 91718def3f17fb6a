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
            var stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat))
            {
                return false;
            }

            try
            {
                var state = File.ReadAllText(stat).Split(") ", 2)[1][0];
                if (state is 'Z' or 'X')
                {
                    return false;
                }
            }
            catch (IOException)
            {
                return false;
            }

            Thread.Sleep(100);
        }

        return true;
    }
}
