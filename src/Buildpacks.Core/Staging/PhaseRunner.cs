using System.Text;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Execution;
using Buildpacks.Core.Release;
using Buildpacks.Core.Sources;

namespace Buildpacks.Core.Staging;

/// <summary>Runs one buildpack script as a logged, timed phase and turns failure into the right coded error.</summary>
internal sealed class PhaseRunner(
    IScriptExecutor executor,
    IStagingLog log,
    IReadOnlyDictionary<string, string> environment,
    string buildDirectory,
    List<PhaseTiming> timings)
{
    public async Task RunAsync(string phase, ResolvedBuildpack buildpack, IReadOnlyList<string> arguments, string errorCode, int exitCode, CancellationToken cancellationToken)
    {
        var outcome = await RunScriptAsync(phase, buildpack, arguments, log.Output, cancellationToken).ConfigureAwait(false);
        if (outcome.ExitCode != 0)
        {
            throw new BuildpackException(
                errorCode,
                $"bin/{phase} of buildpack '{buildpack.DefaultName}' failed with exit code {outcome.ExitCode}. The buildpack's output above says why.",
                buildpack.UserScript(phase),
                exitCode);
        }
    }

    /// <summary>Runs <c>bin/release BUILD</c>; no script means an empty release.</summary>
    public async Task<ReleaseInfo> ReleaseAsync(ResolvedBuildpack buildpack, CancellationToken cancellationToken)
    {
        if (!buildpack.HasScript("release"))
        {
            return ReleaseInfo.Empty;
        }

        var stdout = new StringBuilder();
        var outcome = await RunScriptAsync("release", buildpack, [buildDirectory], (line, isError) =>
        {
            if (isError)
            {
                log.Output(line, true);
            }
            else
            {
                stdout.Append(line).Append('\n');
            }
        }, cancellationToken).ConfigureAwait(false);

        if (outcome.ExitCode != 0)
        {
            throw new BuildpackException(
                ErrorCodes.ReleaseFailed,
                $"bin/release of buildpack '{buildpack.DefaultName}' failed with exit code {outcome.ExitCode}. Its error output is in the log above; on stdout it printed:\n{stdout}",
                buildpack.UserScript("release"),
                CfExitCodes.ReleaseFailed);
        }

        return ReleaseParser.Parse(stdout.ToString(), buildpack.DefaultName, buildpack.UserScript("release"));
    }

    private async Task<ScriptOutcome> RunScriptAsync(string phase, ResolvedBuildpack buildpack, IReadOnlyList<string> arguments, Action<string, bool> onLine, CancellationToken cancellationToken)
    {
        var script = buildpack.Script(phase);
        ScriptChecks.EnsureRunnable(script, buildpack.DefaultName, buildpack.UserScript(phase));
        var stagingPhase = StagingPhaseNames.OfScript(phase);
        log.PhaseStarted(stagingPhase, buildpack.DefaultName);
        var outcome = await executor.RunAsync(new ScriptInvocation(script, arguments, buildDirectory, environment), onLine, cancellationToken).ConfigureAwait(false);
        log.PhaseFinished(stagingPhase, buildpack.DefaultName, outcome.Duration);
        timings.Add(new PhaseTiming(stagingPhase, buildpack.DefaultName, outcome.Duration));
        return outcome;
    }
}
