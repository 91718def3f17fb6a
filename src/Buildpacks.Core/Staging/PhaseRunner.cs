using System.Text;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Execution;
using Buildpacks.Core.Hosts;
using Buildpacks.Core.Release;
using Buildpacks.Core.Sources;

namespace Buildpacks.Core.Staging;

/// <summary>
/// Runs one buildpack script of a staging as a logged, timed phase through the host session, with every path
/// mapped to the script's view, and turns failure into the right coded error.
/// </summary>
internal sealed class PhaseRunner(
    IStagingHostSession session,
    IStagingLog log,
    IReadOnlyDictionary<string, string> environment,
    string buildDirectory,
    List<PhaseTiming> timings)
{
    /// <summary>The environment every script of this runner gets.</summary>
    public IReadOnlyDictionary<string, string> Environment => environment;

    /// <summary>The same runner with another environment (a chain's buildpack sees what the ones before it exported).</summary>
    public PhaseRunner With(IReadOnlyDictionary<string, string> otherEnvironment) => new(session, log, otherEnvironment, buildDirectory, timings);

    /// <summary>
    /// The same runner reporting to another log and timing list, with another environment: a detect that runs beside
    /// others keeps its lines and timing until the detects before it are done.
    /// </summary>
    public PhaseRunner With(IStagingLog otherLog, List<PhaseTiming> otherTimings, IReadOnlyDictionary<string, string> otherEnvironment) =>
        new(session, otherLog, otherEnvironment, buildDirectory, otherTimings);

    /// <summary>
    /// Whether scripts may run side by side and one of them be stopped alone. A container host stops a script by
    /// removing the whole container, and hands the mounts back and forth around each script, so there they run in turn.
    /// </summary>
    public bool RunsScriptsSideBySide => session is LocalHostSession;

    /// <summary>The path a script sees for an engine path.</summary>
    public string ToScriptPath(string enginePath) => session.ToScriptPath(enginePath);

    /// <summary>Adds timings measured by a runner made with <see cref="With(IStagingLog, List{PhaseTiming}, IReadOnlyDictionary{string, string})"/>.</summary>
    public void AddTimings(IEnumerable<PhaseTiming> measured) => timings.AddRange(measured);

    /// <summary>
    /// Runs a script of the engine's own (a hook, a helper), not a buildpack's, in the build directory with this
    /// runner's environment; with a <paramref name="title"/> it is a logged, timed phase, without one it runs quietly.
    /// </summary>
    public Task<ScriptOutcome> RunEngineScriptAsync(StagingPhase phase, string? title, string script, IReadOnlyList<string> arguments, Action<string, bool> onLine, CancellationToken cancellationToken) =>
        RunAsync(phase, title, script, arguments, onLine, cancellationToken);

    /// <summary>Runs <c>bin/PHASE</c> with engine-side paths as arguments; a non-zero exit is <paramref name="errorCode"/>.</summary>
    public async Task RunAsync(StagingPhase phase, ResolvedBuildpack buildpack, IReadOnlyList<string> arguments, string errorCode, int exitCode, CancellationToken cancellationToken)
    {
        EnsureRunnable(phase, buildpack);
        var outcome = await RunScriptAsync(phase, buildpack, arguments, log.Output, cancellationToken).ConfigureAwait(false);
        if (outcome.ExitCode != 0)
        {
            throw new BuildpackException(
                errorCode,
                $"bin/{phase.Name()} of buildpack '{buildpack.DefaultName}' failed with exit code {outcome.ExitCode}. The buildpack's output above says why.",
                buildpack.UserScript(phase.Name()),
                exitCode);
        }
    }

    // The most of bin/release's stdout kept: releases are a few hundred bytes; a runaway one must not fill the memory.
    private const int MaxReleaseChars = 1 << 20;

    // How much of a failed release's stdout an error message quotes.
    private const int QuotedReleaseChars = 4096;

    /// <summary>Runs <c>bin/release BUILD</c>; no script means an empty release.</summary>
    public async Task<ReleaseInfo> ReleaseAsync(ResolvedBuildpack buildpack, CancellationToken cancellationToken)
    {
        if (!buildpack.HasScript("release"))
        {
            return ReleaseInfo.Empty;
        }

        EnsureRunnable(StagingPhase.Release, buildpack);
        var stdout = new StringBuilder();
        var tooLarge = false;
        var outcome = await RunScriptAsync(StagingPhase.Release, buildpack, [buildDirectory], (line, isError) =>
        {
            if (isError)
            {
                log.Output(line, true);
            }
            else if (stdout.Length + line.Length < MaxReleaseChars)
            {
                stdout.Append(line).Append('\n');
            }
            else
            {
                // Read on so the script never blocks on a full pipe, but keep no more: a release is a small YAML map.
                tooLarge = true;
            }
        }, cancellationToken).ConfigureAwait(false);

        if (outcome.ExitCode != 0)
        {
            throw new BuildpackException(
                ErrorCodes.ReleaseFailed,
                $"bin/release of buildpack '{buildpack.DefaultName}' failed with exit code {outcome.ExitCode}. Its error output is in the log above; on stdout it printed:\n{Head(stdout)}",
                buildpack.UserScript("release"),
                CfExitCodes.ReleaseFailed);
        }

        if (tooLarge)
        {
            throw new BuildpackException(
                ErrorCodes.ReleaseTooLarge,
                $"bin/release of buildpack '{buildpack.DefaultName}' printed more than {MaxReleaseChars / 1024} KiB on stdout, which is not a release " +
                "(a small YAML map of process types and config vars). Make it print only the release YAML, and everything else to stderr.",
                buildpack.UserScript("release"),
                CfExitCodes.ReleaseFailed);
        }

        return ReleaseParser.Parse(stdout.ToString(), buildpack.DefaultName, buildpack.UserScript("release"));
    }

    /// <summary>Throws a coded error when <c>bin/PHASE</c> cannot run on the host.</summary>
    public void EnsureRunnable(StagingPhase phase, ResolvedBuildpack buildpack) =>
        session.EnsureRunnable(buildpack.Script(phase.Name()), buildpack.DefaultName, buildpack.UserScript(phase.Name()));

    /// <summary>Runs <c>bin/PHASE</c> as a logged, timed phase; output goes to <paramref name="onLine"/>.</summary>
    public Task<ScriptOutcome> RunScriptAsync(StagingPhase phase, ResolvedBuildpack buildpack, IReadOnlyList<string> arguments, Action<string, bool> onLine, CancellationToken cancellationToken) =>
        RunAsync(phase, buildpack.DefaultName, buildpack.Script(phase.Name()), arguments, onLine, cancellationToken);

    private async Task<ScriptOutcome> RunAsync(StagingPhase phase, string? title, string script, IReadOnlyList<string> arguments, Action<string, bool> onLine, CancellationToken cancellationToken)
    {
        var invocation = new ScriptInvocation(
            session.ToScriptPath(script),
            [.. arguments.Select(ToScriptArgument)],
            session.ToScriptPath(buildDirectory),
            environment);
        if (title is null)
        {
            return await session.RunAsync(invocation, onLine, cancellationToken).ConfigureAwait(false);
        }

        log.PhaseStarted(phase, title);
        var outcome = await session.RunAsync(invocation, onLine, cancellationToken).ConfigureAwait(false);
        log.PhaseFinished(phase, title, outcome.Duration);
        timings.Add(new PhaseTiming(phase, title, outcome.Duration));
        return outcome;
    }

    // Arguments are absolute engine paths (directories of the staging) or plain words such as the deps index.
    private string ToScriptArgument(string argument) => Path.IsPathRooted(argument) ? session.ToScriptPath(argument) : argument;

    private static string Head(StringBuilder stdout) =>
        stdout.Length <= QuotedReleaseChars ? stdout.ToString() : stdout.ToString(0, QuotedReleaseChars) + "\n[more output left out]";
}
