using System.Diagnostics;
using Buildpacks.Core.Execution;

namespace Buildpacks.Core.Hosts;

/// <summary>
/// Runs the container CLI with the variables it needs to find its engine (DOCKER_HOST, contexts, podman's
/// connections) and nothing else from this process.
/// </summary>
internal sealed class ContainerCli
{
    // Variables the CLI itself reads; a script variable of the same name must not change which engine it talks to.
    private static readonly string[] CliVariables =
    [
        "PATH", "HOME", "USER", "TMPDIR", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME", "SSH_AUTH_SOCK",
        "DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_CONFIG", "DOCKER_CERT_PATH", "DOCKER_TLS_VERIFY", "DOCKER_API_VERSION",
        "CONTAINER_HOST", "CONTAINER_CONNECTION", "CONTAINERS_CONF", "CONTAINER_SSHKEY",
    ];

    private static readonly string Exec = "exec \"$0\" \"$@\"";

    private readonly Dictionary<string, string> _environment;

    private ContainerCli(string path, Dictionary<string, string> environment)
    {
        Path = path;
        _environment = environment;
    }

    /// <summary>The CLI's full path.</summary>
    public string Path { get; }

    /// <summary>The CLI named in <paramref name="options"/>, or null when it is not installed.</summary>
    public static ContainerCli? Find(ContainerHostOptions options)
    {
        var environment = HostVariables.Read(CliVariables);
        var path = Locate(options.Cli, environment.GetValueOrDefault("PATH"));
        if (path is null)
        {
            return null;
        }

        if (environment.TryGetValue("HOME", out var home) && !environment.ContainsKey("DOCKER_CONFIG"))
        {
            // Scripts get their own HOME; the CLI keeps reading the caller's contexts and credentials.
            environment["DOCKER_CONFIG"] = System.IO.Path.Combine(home, ".docker");
        }

        if (!string.IsNullOrEmpty(options.EngineHost))
        {
            environment["DOCKER_HOST"] = options.EngineHost;
            environment["CONTAINER_HOST"] = options.EngineHost;
            environment.Remove("DOCKER_CONTEXT");
        }

        return new ContainerCli(path, environment);
    }

    /// <summary>Whether the CLI reads <paramref name="name"/> itself, so a script's value must be passed on the command line.</summary>
    public static bool ReadsVariable(string name) => CliVariables.Contains(name, StringComparer.Ordinal);

    /// <summary>Runs a command to its end, or until <paramref name="timeout"/> (exit code -1).</summary>
    public ContainerCliResult Run(IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            return RunAsync(arguments, cancellation.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            return new ContainerCliResult(-1, "", $"no answer within {timeout.TotalSeconds:0} s");
        }
    }

    /// <summary>Runs a command to its end; cancellation kills the CLI (not what it started in the engine).</summary>
    public async Task<ContainerCliResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        using var process = Start(arguments, null);
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            ProcessGroup.KillTree(process, isGroupLeader: false);
            throw;
        }

        return new ContainerCliResult(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }

    /// <summary>Starts a command with its output redirected; <paramref name="passed"/> are extra variables it passes on (<c>exec -e NAME</c>).</summary>
    public Process Start(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? passed)
    {
        var environment = new Dictionary<string, string>(_environment, StringComparer.Ordinal);
        foreach (var (name, value) in passed ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        var (process, _) = BashProcess.Start(Exec, Path, arguments, environment, "/", ownSession: false);
        return process;
    }

    private static string? Locate(string cli, string? searchPath)
    {
        if (cli.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(cli) ? System.IO.Path.GetFullPath(cli) : null;
        }

        var directories = (searchPath ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(["/usr/local/bin", "/usr/bin", "/bin"]);
        return directories.Select(directory => System.IO.Path.Combine(directory, cli)).FirstOrDefault(File.Exists);
    }
}
