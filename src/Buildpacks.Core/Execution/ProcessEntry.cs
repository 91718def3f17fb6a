namespace Buildpacks.Core.Execution;

/// <summary>One process as /proc/PID/stat describes it.</summary>
/// <param name="Pid">Its pid.</param>
/// <param name="IsRunning">False for a zombie or a dead process that waits to be reaped.</param>
/// <param name="ParentPid">Its parent's pid.</param>
/// <param name="Group">Its process group.</param>
/// <param name="Session">Its session.</param>
internal readonly record struct ProcessEntry(int Pid, bool IsRunning, int ParentPid, int Group, int Session);
