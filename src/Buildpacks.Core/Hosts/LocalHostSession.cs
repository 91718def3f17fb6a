using System.Diagnostics;
using Buildpacks.Core.Execution;

namespace Buildpacks.Core.Hosts;

/// <summary>A staging on this machine: paths are the same for the engine and the scripts.</summary>
internal sealed class LocalHostSession : IStagingHostSession
{
    // stdin from /dev/null, not an inherited terminal or an empty pipe.
    private static readonly string ExecWrapper = ExecRetry.Wrap("exec \"$0\" \"$@\" </dev/null");

    private readonly ScriptContainment _containment;

    public LocalHostSession(HostSessionLayout layout, ScriptContainment? containment = null)
    {
        _containment = containment ?? ScriptContainment.Default;
        var environment = HostVariables.Read(HostVariables.Staging);
        environment.TryAdd("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment["HOME"] = layout.HomeDirectory;
        environment["TMPDIR"] = layout.TempDirectory;
        BaseEnvironment = environment;
    }

    public IReadOnlyDictionary<string, string> BaseEnvironment { get; }

    public string ToScriptPath(string enginePath) => enginePath;

    public void EnsureRunnable(string enginePath, string buildpackName, string displayPath) =>
        ScriptChecks.EnsureRunnable(enginePath, buildpackName, displayPath);

    public async Task<ScriptOutcome> RunAsync(ScriptInvocation invocation, Action<string, bool> onLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(onLine);
        cancellationToken.ThrowIfCancellationRequested();

        var stopwatch = Stopwatch.StartNew();
        var (process, isGroupLeader) = BashProcess.Start(
            _containment.Wrap(ExecWrapper),
            invocation.ScriptPath,
            invocation.Arguments,
            invocation.Environment,
            invocation.WorkingDirectory,
            ownSession: true,
            _containment.Command);
        using (process)
        {
            var pumps = OutputPump.Start(process, onLine);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                ProcessGroup.KillTree(process, isGroupLeader);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                Sweep(process, isGroupLeader);
                await OutputPump.DrainAsync(pumps).ConfigureAwait(false);
                throw;
            }

            // Whatever the script started goes with it, and no longer holds our pipes.
            Sweep(process, isGroupLeader);

            bool drained;
            try
            {
                drained = await OutputPump.DrainAsync(pumps, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                ProcessGroup.KillTree(process, isGroupLeader);
                throw;
            }

            if (!drained)
            {
                // A daemon the script started holds our pipes; stop it so it cannot outlive the staging.
                ProcessGroup.KillTree(process, isGroupLeader);
                await OutputPump.DrainAsync(pumps).ConfigureAwait(false);
            }

            return new ScriptOutcome(process.ExitCode, stopwatch.Elapsed);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void Sweep(Process process, bool isGroupLeader)
    {
        if (isGroupLeader)
        {
            _containment.Sweep(process.Id);
        }
    }
}
