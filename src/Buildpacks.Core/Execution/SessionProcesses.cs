namespace Buildpacks.Core.Execution;

/// <summary>Kills every process left in a session and process group, found in /proc.</summary>
internal static class SessionProcesses
{
    private const int Rounds = 10;

    /// <summary>
    /// Kills the process group and every process whose session or group is <paramref name="leader"/>'s (a script
    /// started through setsid leads both). A few rounds catch children forked while the first round ran.
    /// </summary>
    public static void Kill(int leader)
    {
        ProcessSignals.Send(leader, isGroupLeader: true, ProcessSignals.SigKill);
        for (var round = 0; round < Rounds; round++)
        {
            var left = ProcessTable.Read().Where(p => p.IsRunning && (p.Group == leader || p.Session == leader)).ToList();
            if (left.Count == 0)
            {
                return;
            }

            foreach (var process in left)
            {
                ProcessSignals.Send(process.Pid, isGroupLeader: false, ProcessSignals.SigKill);
            }
        }
    }
}
