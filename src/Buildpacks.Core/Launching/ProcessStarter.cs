using Buildpacks.Core.Execution;

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
        // Its own session and process group: a terminal's Ctrl+C reaches only the door, which forwards it once,
        // and a stop reaches everything the process started.
        string[] arguments = [plan.Command, plan.EntrypointPrefix ?? "", .. plan.ProfileScripts];
        var (process, isGroupLeader) = BashProcess.Start(Script, "buildpacks-launcher", arguments, plan.Environment, plan.AppDirectory, ownSession: true);
        return new LaunchedProcess(process, isGroupLeader, OutputPump.Start(process, log.Output), plan);
    }
}
