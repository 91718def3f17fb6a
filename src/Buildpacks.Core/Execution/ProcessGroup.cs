using System.Diagnostics;

namespace Buildpacks.Core.Execution;

/// <summary>Stops a script and everything it started.</summary>
internal static class ProcessGroup
{
    /// <summary>
    /// Scripts start as session leaders (through setsid), so their process group id is their pid:
    /// signalling the group reaches grandchildren that the tree walk of <see cref="Process.Kill(bool)"/>
    /// would miss once they are re-parented.
    /// </summary>
    public static void KillTree(Process process, bool isGroupLeader)
    {
        int pid;
        try
        {
            pid = process.Id;
        }
        catch (InvalidOperationException)
        {
            return;
        }

        if (isGroupLeader && !OperatingSystem.IsWindows())
        {
            ProcessSignals.Send(pid, isGroupLeader: true, ProcessSignals.SigKill);
        }

        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Already gone, or exiting.
        }
    }
}
