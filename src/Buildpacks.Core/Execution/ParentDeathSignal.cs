namespace Buildpacks.Core.Execution;

/// <summary>
/// Ties a child's life to ours: <c>setpriv --pdeathsig KILL</c> sets PR_SET_PDEATHSIG, which survives the exec into
/// bash, so the child is killed when this process dies, by SIGKILL too (a CLI killed by a CI runner, a crashed
/// MSBuild node). The kernel sends the signal when the forking *thread* ends, so children are forked on
/// <see cref="ProcessStartThread"/>, which lives as long as the process. Where setpriv is missing or refuses, the
/// prefix is empty and children are not tied.
/// </summary>
internal static class ParentDeathSignal
{
    private static readonly Lazy<string[]> Probed = new(Probe);

    /// <summary>The command to put in front of a child's command line; empty where no tie can be made.</summary>
    public static IReadOnlyList<string> Prefix => Probed.Value;

    private static string[] Probe()
    {
        if (!OperatingSystem.IsLinux() || BashProcess.Find("setpriv") is not { } setpriv)
        {
            return [];
        }

        string[] prefix = [setpriv, "--pdeathsig", "KILL"];
        return CommandProbe.Succeeds([.. prefix, BashProcess.Bash, "-c", "exit 0"]) ? prefix : [];
    }
}
