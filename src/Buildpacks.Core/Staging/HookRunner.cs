using System.Globalization;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Staging;

/// <summary>
/// Runs staging hooks as Stackato did: each command in bash, in the build directory, with the staging environment,
/// output streamed under a phase header of its own. The first that fails stops the staging: no droplet is written.
/// </summary>
internal sealed class HookRunner(PhaseRunner phases, StagingWorkspace workspace, IStagingLog log)
{
    /// <summary>Runs <paramref name="commands"/> in order as <paramref name="phase"/> hooks; each with the file it comes from, if any.</summary>
    public async Task RunAsync(StagingPhase phase, IReadOnlyList<(string Command, string? File)> commands, CancellationToken cancellationToken)
    {
        for (var i = 0; i < commands.Count; i++)
        {
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            var script = Path.Combine(workspace.Root, "hooks", $"{phase.Name()}-{number}");
            workspace.Write(() =>
            {
                Directory.CreateDirectory(Path.GetDirectoryName(script)!);
                File.WriteAllText(script, "#!/usr/bin/env bash\n" + commands[i].Command + "\n");
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            });

            var title = $"hook {number} of {commands.Count}";
            var outcome = await phases.RunEngineScriptAsync(phase, title, script, [], log.Output, cancellationToken).ConfigureAwait(false);
            if (outcome.ExitCode != 0)
            {
                throw new BuildpackException(
                    ErrorCodes.HookFailed,
                    $"The {phase.Name()} hook {number} of {commands.Count} failed with exit code {outcome.ExitCode}; no droplet was written. " +
                    "Its output is in the log above; fix the command (stackato.yml hooks, or the request's hooks).",
                    commands[i].File,
                    CfExitCodes.HookFailed);
            }
        }
    }
}
