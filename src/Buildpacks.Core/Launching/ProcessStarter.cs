using System.Diagnostics;

namespace Buildpacks.Core.Launching;

/// <summary>Starts the planned process the way Cloud Foundry's launcher does: source the profile scripts, then exec the command.</summary>
internal static class ProcessStarter
{
    // $1 command, $2 entrypoint prefix, then the profile scripts. They are sourced in this shell so their exports
    // reach the command; with no positional parameters, as Cloud Foundry sources them. The command and prefix stay
    // unexported shell variables, so they do not leak into the app's environment. The prefix replaces 'bash -c'
    // and is parsed by the shell, as in Cloud Foundry's launcher.
    private const string Script = """
        exec </dev/null
        __bp_command=$1; __bp_prefix=$2; shift 2
        __bp_scripts=("$@"); set --
        for __bp_script in "${__bp_scripts[@]}"; do
          . "$__bp_script"
        done
        unset __bp_script __bp_scripts
        if [ -n "$__bp_prefix" ]; then
          eval "exec $__bp_prefix \"\$__bp_command\""
        fi
        exec bash -c "$__bp_command"
        """;

    public static LaunchedProcess Start(LaunchPlan plan, ILaunchLog log)
    {
        var startInfo = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = plan.AppDirectory,
        };

        // Its own session and process group: a terminal's Ctrl+C reaches only the door, which forwards it once,
        // and a stop reaches everything the process started.
        var isGroupLeader = HostShell.Setsid is not null;
        if (isGroupLeader)
        {
            startInfo.FileName = HostShell.Setsid;
            startInfo.ArgumentList.Add("--wait");
            startInfo.ArgumentList.Add(HostShell.Bash);
        }
        else
        {
            startInfo.FileName = HostShell.Bash;
        }

        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(Script);
        startInfo.ArgumentList.Add("buildpacks-launcher");
        startInfo.ArgumentList.Add(plan.Command);
        startInfo.ArgumentList.Add(plan.EntrypointPrefix ?? "");
        foreach (var script in plan.ProfileScripts)
        {
            startInfo.ArgumentList.Add(script);
        }

        startInfo.Environment.Clear();
        foreach (var (name, value) in plan.Environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo };
        process.Start();
        return new LaunchedProcess(process, isGroupLeader, OutputPump.Start(process, log), plan);
    }
}
