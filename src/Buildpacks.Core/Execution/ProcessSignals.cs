using System.Runtime.InteropServices;

namespace Buildpacks.Core.Execution;

/// <summary>Sends POSIX signals to a process, or to the whole process group it leads.</summary>
internal static partial class ProcessSignals
{
    public const int SigKill = 9;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    /// <summary>
    /// Signals the group led by <paramref name="pid"/> (a process started through setsid leads one), else the
    /// process alone; a process that is already gone is not an error.
    /// </summary>
    public static void Send(int pid, bool isGroupLeader, int signal) => _ = Kill(isGroupLeader ? -pid : pid, signal);

    /// <summary>The Linux number of a signal: .NET's <see cref="PosixSignal"/> names are not the numbers; raw numbers pass through.</summary>
    public static int Number(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGHUP => 1,
        PosixSignal.SIGINT => 2,
        PosixSignal.SIGQUIT => 3,
        PosixSignal.SIGTERM => 15,
        _ when (int)signal > 0 => (int)signal,
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "This signal cannot be forwarded to a launched process."),
    };
}
