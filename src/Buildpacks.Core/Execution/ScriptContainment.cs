namespace Buildpacks.Core.Execution;

/// <summary>
/// How a buildpack script's process tree is kept from outliving the script. Best: the script runs in a PID
/// namespace of its own (unshare); when the namespace's first process ends, the kernel kills every process left
/// in it, daemons that started their own session or double-forked included, and <c>--kill-child</c> ends that
/// first process when unshare dies (which <see cref="ParentDeathSignal"/> ties to us). Where no namespace can be
/// made (no unshare, a container that forbids it, no user namespaces for a non-root user), the fallback kills
/// what is left in the script's session and process group after it ends; a daemon that calls setsid escapes it.
/// </summary>
internal sealed class ScriptContainment
{
    private static readonly Lazy<ScriptContainment> Probed = new(Probe);

    private ScriptContainment(IReadOnlyList<string> command) => Command = command;

    /// <summary>What this machine permits, probed once per process.</summary>
    public static ScriptContainment Default => Probed.Value;

    /// <summary>The fallback: a sweep of the script's session and process group after it ends.</summary>
    public static ScriptContainment SessionSweep { get; } = new([]);

    /// <summary>The command bash is started through: unshare with its options, or nothing.</summary>
    public IReadOnlyList<string> Command { get; }

    /// <summary>True when scripts run in a PID namespace of their own.</summary>
    public bool UsesPidNamespace => Command.Count > 0;

    /// <summary>
    /// The bash script to run in place of <paramref name="script"/>. In a namespace a second bash runs it, so that
    /// the buildpack's script is not the namespace's first process: that one ignores signals it has no handler for
    /// and inherits every orphan, which would change how the script behaves. (Not a subshell: a subshell exits on
    /// a failed exec, and the ETXTBSY retry needs it to stay.) The variable <c>_</c> that the first bash hands to
    /// the second is dropped, so the script's environment is the one it gets without a namespace. The exit code
    /// is passed on.
    /// </summary>
    public string Wrap(string script) => UsesPidNamespace
        ? Quote(BashProcess.Bash) + " -c " + Quote("unset _; " + script) + " \"$0\" \"$@\" & wait $!"
        : script;

    /// <summary>Kills what the script left behind, once it has ended: nothing to do in a namespace, which the kernel emptied.</summary>
    public void Sweep(int leader)
    {
        if (!UsesPidNamespace)
        {
            SessionProcesses.Kill(leader);
        }
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static ScriptContainment Probe()
    {
        if (!OperatingSystem.IsLinux() || BashProcess.Find("unshare") is not { } unshare)
        {
            return SessionSweep;
        }

        // /proc is mounted anew, so that pids the script sees ($$, $!, pgrep, a .NET tool reading /proc/<pid>) are
        // the namespace's. A user that is not root needs a user namespace for that; it maps only the user's own
        // uid and gid, so scripts see the same ids and the same owner on their files (others' files show as nobody).
        string[][] candidates =
        [
            [unshare, "--pid", "--fork", "--kill-child", "--mount-proc"],
            [unshare, "--user", "--map-current-user", "--pid", "--fork", "--kill-child", "--mount-proc"],
        ];
        const string InOwnNamespace = "[ $$ = 1 ] && read -r pid rest </proc/self/stat && [ \"$pid\" = 1 ]";
        foreach (var candidate in candidates)
        {
            if (CommandProbe.Succeeds([.. candidate, BashProcess.Bash, "-c", InOwnNamespace]))
            {
                return new ScriptContainment(candidate);
            }
        }

        return SessionSweep;
    }
}
