using Buildpacks.Core.Execution;

namespace Buildpacks.Core.Hosts;

/// <summary>
/// One staging's view of its host. Every path the engine hands to a script goes through <see cref="ToScriptPath"/>;
/// the base environment holds what scripts see as HOME, TMPDIR and PATH there.
/// </summary>
internal interface IStagingHostSession : IAsyncDisposable
{
    /// <summary>The variables every script starts with on this host (tool paths, HOME, TMPDIR, proxies), before the platform's and the user's.</summary>
    IReadOnlyDictionary<string, string> BaseEnvironment { get; }

    /// <summary>The path a script sees for a path the engine sees (the same path on this machine; a mount point in a container).</summary>
    string ToScriptPath(string enginePath);

    /// <summary>Throws a coded error when the script cannot run here (no exec bit, CRLF line endings), before it is started.</summary>
    void EnsureRunnable(string enginePath, string buildpackName, string displayPath);

    /// <summary>
    /// Runs a script with stdin from /dev/null, calling <paramref name="onLine"/> for every line of stdout (false) and
    /// stderr (true) as it arrives. Paths in the invocation are the script's view. Cancellation stops the script's whole process tree.
    /// </summary>
    Task<ScriptOutcome> RunAsync(ScriptInvocation invocation, Action<string, bool> onLine, CancellationToken cancellationToken);
}
