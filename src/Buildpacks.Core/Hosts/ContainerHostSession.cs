using System.Diagnostics;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Execution;

namespace Buildpacks.Core.Hosts;

/// <summary>
/// One staging in one container. The staging's directories are bind-mounted at the paths the engine sees, so paths
/// need no mapping. Scripts run as the stack's non-root user: before each one the mounted directories are given to
/// that user (the engine writes into them between scripts), and after it back to the owner they had, so the engine
/// reads, packs and commits files that belong to the caller (with setpriv in the image, all in one exec). The container is created and started rather than run with <c>--rm</c>
/// (podman 4.3's <c>run --rm</c> always exits 0), and removed by name, with its volumes, on every path out.
/// </summary>
internal sealed class ContainerHostSession : IStagingHostSession
{
    private const string Root = "0:0";

    // stdin from /dev/null, as on this machine; bash runs a script without a shebang as bash would.
    private const string ExecWrapper = "exec \"$0\" \"$@\" </dev/null";

    // Run as root at opening: the workspace's owner, a way for the stack's user to the mounts below root-only
    // directories (/root/...), and whether setpriv is there to drop to that user inside one exec.
    private const string Prepare =
        "ws=$1; stat -c %u:%g \"$ws\" || exit 1; " +
        "for d; do while [ \"$d\" != / ]; do d=$(dirname \"$d\"); chmod o+x \"$d\" || exit 1; done; done; " +
        "if command -v setpriv >/dev/null 2>&1; then echo setpriv; else echo none; fi";

    // Run as root around each script: the mounts to the stack's user, the script as that user, the mounts back to
    // their owner. One exec instead of three (each costs a few hundred milliseconds on podman).
    private const string AsStackUser =
        "user=$1 owner=$2 a=$3 b=$4; shift 4; " +
        "chown -R \"$user\" \"$a\" \"$b\" || { echo \"buildpacks: the staging directories could not be given to $user\" >&2; exit 125; }; " +
        "setpriv --reuid=\"${user%%:*}\" --regid=\"${user##*:}\" --clear-groups -- bash -c '" + ExecWrapper + "' \"$@\"; rc=$?; " +
        "chown -R \"$owner\" \"$a\" \"$b\" || { echo \"buildpacks: the staging directories could not be given back to $owner\" >&2; exit 125; }; " +
        "exit $rc";

    private static readonly string[] PassedHostVariables = ["TZ", "TERM", "http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY"];

    private readonly ContainerCli _cli;
    private readonly string _name;
    private readonly string _user;
    private readonly string[] _mounted;
    private string? _owner;
    private bool _hasSetpriv;
    private bool _removed;

    private ContainerHostSession(ContainerCli cli, string name, string user, string[] mounted, IReadOnlyDictionary<string, string> baseEnvironment)
    {
        _cli = cli;
        _name = name;
        _user = user;
        _mounted = mounted;
        BaseEnvironment = baseEnvironment;
    }

    public IReadOnlyDictionary<string, string> BaseEnvironment { get; }

    /// <summary>The container's name.</summary>
    public string Name => _name;

    /// <summary>Creates and starts the staging's container and prepares its mounts.</summary>
    public static async Task<ContainerHostSession> OpenAsync(
        ContainerCli cli, string image, string user, IReadOnlyDictionary<string, string> imageEnvironment, HostSessionLayout layout, CancellationToken cancellationToken)
    {
        var workspace = Path.GetFullPath(layout.WorkspaceRoot);
        var cache = Path.GetFullPath(layout.CacheDirectory);
        string[] mounted = IsBelow(cache, workspace) ? [workspace] : [workspace, cache];

        var environment = HostVariables.Read(PassedHostVariables);
        environment["PATH"] = imageEnvironment.GetValueOrDefault("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        environment["HOME"] = layout.HomeDirectory;
        environment["TMPDIR"] = layout.TempDirectory;

        var name = "buildpacks-staging-" + Guid.NewGuid().ToString("N")[..12];
        var session = new ContainerHostSession(cli, name, user, mounted, environment);
        var create = new List<string> { "create", "--name", name, "--label", "io.buildpacks.tasks.staging=true", "--entrypoint", "sleep" };
        foreach (var directory in mounted)
        {
            create.AddRange(["--volume", $"{directory}:{directory}"]);
        }

        create.AddRange([image, "infinity"]);
        try
        {
            await session.CheckedAsync(create, "create the staging container", cancellationToken).ConfigureAwait(false);
            await session.CheckedAsync(["start", name], "start the staging container", cancellationToken).ConfigureAwait(false);
            var prepared = await session.CheckedAsync(["exec", "--user", Root, name, "sh", "-c", Prepare, "sh", .. mounted], "prepare the mounted directories", cancellationToken).ConfigureAwait(false);
            var lines = prepared.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            session._owner = lines[0];
            session._hasSetpriv = lines.Length > 1 && lines[1] == "setpriv";
            return session;
        }
        catch
        {
            await session.RemoveAsync().ConfigureAwait(false);
            throw;
        }
    }

    public string ToScriptPath(string enginePath) => enginePath;

    public void EnsureRunnable(string enginePath, string buildpackName, string displayPath) =>
        ScriptChecks.EnsureRunnable(enginePath, buildpackName, displayPath);

    public async Task<ScriptOutcome> RunAsync(ScriptInvocation invocation, Action<string, bool> onLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(onLine);
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_removed, this);

        var stopwatch = Stopwatch.StartNew();
        try
        {
            if (_hasSetpriv)
            {
                var exitCode = await ExecAsync(invocation, Root, ["sh", "-c", AsStackUser, "sh", _user, _owner!, _mounted[0], _mounted[^1]], onLine, cancellationToken).ConfigureAwait(false);
                return new ScriptOutcome(exitCode, stopwatch.Elapsed);
            }

            // Without setpriv in the image: the same in three execs. The engine wrote into the mounts since the last
            // script (buildpacks, deps directories), and reads, packs and commits them as their owner after it.
            await ChownAsync(_user, cancellationToken).ConfigureAwait(false);
            var code = await ExecAsync(invocation, _user, ["bash", "-c", ExecWrapper], onLine, cancellationToken).ConfigureAwait(false);
            await ChownAsync(_owner!, cancellationToken).ConfigureAwait(false);
            return new ScriptOutcome(code, stopwatch.Elapsed);
        }
        catch (OperationCanceledException)
        {
            // Killing the CLI would leave the script running in the container: the container goes, by its name.
            await RemoveAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await RemoveAsync().ConfigureAwait(false);

    private async Task<int> ExecAsync(ScriptInvocation invocation, string user, IReadOnlyList<string> runner, Action<string, bool> onLine, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { "exec", "--user", user, "--workdir", invocation.WorkingDirectory };
        var passed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in invocation.Environment)
        {
            if (ContainerCli.ReadsVariable(name))
            {
                // The CLI reads this one itself; its value for the script goes on the command line.
                arguments.AddRange(["--env", $"{name}={value}"]);
            }
            else
            {
                // The value travels in the CLI's environment, not on its command line where any user could read it.
                arguments.AddRange(["--env", name]);
                passed[name] = value;
            }
        }

        arguments.AddRange([_name, .. runner, invocation.ScriptPath, .. invocation.Arguments]);
        using var process = _cli.Start(arguments, passed);
        var pumps = OutputPump.Start(process, onLine);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await RemoveAsync().ConfigureAwait(false);
            ProcessGroup.KillTree(process, isGroupLeader: false);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            await OutputPump.DrainAsync(pumps).ConfigureAwait(false);
            throw;
        }

        if (!await OutputPump.DrainAsync(pumps, CancellationToken.None).ConfigureAwait(false))
        {
            ProcessGroup.KillTree(process, isGroupLeader: false);
            await OutputPump.DrainAsync(pumps).ConfigureAwait(false);
        }

        return process.ExitCode;
    }

    private Task ChownAsync(string owner, CancellationToken cancellationToken) =>
        CheckedAsync(["exec", "--user", Root, _name, "chown", "-R", owner, .. _mounted], $"give the staging directories to {owner}", cancellationToken);

    private async Task RemoveAsync()
    {
        if (_removed)
        {
            return;
        }

        _removed = true;
        await _cli.RunAsync(["rm", "--force", "--volumes", _name], CancellationToken.None).ConfigureAwait(false);
    }

    private async Task<ContainerCliResult> CheckedAsync(IReadOnlyList<string> arguments, string what, CancellationToken cancellationToken)
    {
        var result = await _cli.RunAsync(arguments, cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? result
            : throw new BuildpackException(
                ErrorCodes.ContainerFailed,
                $"The container engine could not {what} ({result.FirstErrorLine}). Check that the engine works (docker run --rm IMAGE true) and has room.");
    }

    private static bool IsBelow(string path, string directory) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(directory) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
