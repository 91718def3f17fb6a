using System.Globalization;

namespace Buildpacks.Core.Execution;

/// <summary>Kills every process left in a session and process group, found by scanning /proc.</summary>
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
        for (var round = 0; round < Rounds && KillRound(leader); round++)
        {
        }
    }

    private static bool KillRound(int leader)
    {
        var found = false;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ||
                ReadStat(directory) is not { } fields)
            {
                continue;
            }

            // After the command: state, ppid, process group, session.
            var running = fields[0] is not ("Z" or "X");
            if (running && (fields[2] == leader.ToString(CultureInfo.InvariantCulture) || fields[3] == leader.ToString(CultureInfo.InvariantCulture)))
            {
                ProcessSignals.Send(pid, isGroupLeader: false, ProcessSignals.SigKill);
                found = true;
            }
        }

        return found;
    }

    private static string[]? ReadStat(string directory)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(directory, "stat"));
            var end = stat.LastIndexOf(')');
            var fields = end < 0 ? [] : stat[(end + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length >= 4 ? fields : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
