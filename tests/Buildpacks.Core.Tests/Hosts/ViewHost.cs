using Buildpacks.Core.Execution;
using Buildpacks.Core.Hosts;

namespace Buildpacks.Core.Tests.Hosts;

/// <summary>
/// A host whose scripts see the staging's directories under other paths, as a container's mounts do: symlinks
/// made when the session opens stand in for mount points. Runs the scripts on this machine through the local host.
/// </summary>
internal sealed class ViewHost(string viewRoot) : IStagingHost
{
    public List<ScriptInvocation> Invocations { get; } = [];

    public string Name => "view";

    public HostAvailability CheckAvailability() => LocalHost.Instance.CheckAvailability();

    public async Task<IStagingHostSession> OpenSessionAsync(HostSessionLayout layout, CancellationToken cancellationToken)
    {
        var workspace = Path.Combine(viewRoot, "workspace");
        var cache = Path.Combine(viewRoot, "cache");
        Directory.CreateDirectory(viewRoot);
        File.CreateSymbolicLink(workspace, layout.WorkspaceRoot);
        File.CreateSymbolicLink(cache, layout.CacheDirectory);
        var inner = await LocalHost.Instance.OpenSessionAsync(layout, cancellationToken);
        return new Session(this, inner, [(layout.WorkspaceRoot, workspace), (layout.CacheDirectory, cache)]);
    }

    private sealed class Session(ViewHost host, IStagingHostSession inner, (string Engine, string Script)[] mounts) : IStagingHostSession
    {
        public IReadOnlyDictionary<string, string> BaseEnvironment { get; } =
            inner.BaseEnvironment.ToDictionary(pair => pair.Key, pair => pair.Key is "HOME" or "TMPDIR" ? Map(mounts, pair.Value) : pair.Value);

        public string ToScriptPath(string enginePath) => Map(mounts, enginePath);

        public void EnsureRunnable(string enginePath, string buildpackName, string displayPath) => inner.EnsureRunnable(enginePath, buildpackName, displayPath);

        public Task<ScriptOutcome> RunAsync(ScriptInvocation invocation, Action<string, bool> onLine, CancellationToken cancellationToken)
        {
            host.Invocations.Add(invocation);
            return inner.RunAsync(invocation, onLine, cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            foreach (var (_, script) in mounts)
            {
                File.Delete(script);
            }
        }

        private static string Map((string Engine, string Script)[] mounts, string path)
        {
            foreach (var (engine, script) in mounts)
            {
                if (path == engine || path.StartsWith(engine + "/", StringComparison.Ordinal))
                {
                    return script + path[engine.Length..];
                }
            }

            return path;
        }
    }
}
