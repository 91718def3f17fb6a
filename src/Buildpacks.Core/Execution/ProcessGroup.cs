using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Buildpacks.Core.Execution;

/// <summary>Stops a script and everything it started.</summary>
internal static partial class ProcessGroup
{
    private const int SigKill = 9;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

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
            _ = Kill(-pid, SigKill);
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
