namespace Buildpacks.Core.Execution;

/// <summary>
/// Runs buildpack scripts. The host executor runs them with the machine's bash; a container executor
/// (a later seam) runs them inside a stack image. Only an executor knows where a path is seen from.
/// </summary>
public interface IScriptExecutor
{
    /// <summary>
    /// Runs the script with stdin from /dev/null, calling <paramref name="onLine"/> for every line of
    /// stdout (false) and stderr (true) as it arrives. Cancellation stops the script's whole process tree.
    /// </summary>
    Task<ScriptOutcome> RunAsync(ScriptInvocation invocation, Action<string, bool> onLine, CancellationToken cancellationToken);
}
