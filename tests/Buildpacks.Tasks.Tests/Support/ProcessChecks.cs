namespace Buildpacks.Tasks.Tests.Support;

/// <summary>Whether processes a buildpack started are still alive.</summary>
public static class ProcessChecks
{
    /// <summary>Waits up to five seconds for the process to end; a zombie left for init to reap counts as ended.</summary>
    public static bool IsRunning(int pid)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var stat = $"/proc/{pid}/stat";
            try
            {
                if (!File.Exists(stat))
                {
                    return false;
                }

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
