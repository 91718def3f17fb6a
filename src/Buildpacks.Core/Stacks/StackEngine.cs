using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Execution;
using Buildpacks.Core.Hosts;

namespace Buildpacks.Core.Stacks;

/// <summary>The container CLI as stack commands use it: found or a coded error, output streamed line by line.</summary>
internal static class StackEngine
{
    public static ContainerCli Find(string cli) => ContainerCli.Find(new ContainerHostOptions { Image = "-", Cli = cli })
        ?? throw new BuildpackException(
            ErrorCodes.ContainerCliMissing,
            $"The container CLI '{cli}' was not found on PATH. Install Docker or podman (Debian: apt-get install podman runc, with a docker CLI or podman-docker).");

    /// <summary>Runs a command, passing each output line (stdout and stderr) to <paramref name="log"/>.</summary>
    public static async Task<(int ExitCode, string LastLine)> StreamAsync(ContainerCli cli, IReadOnlyList<string> arguments, Action<string> log, CancellationToken cancellationToken)
    {
        using var process = cli.Start(arguments, null);
        var last = "";
        var gate = new object();
        async Task Pump(StreamReader reader)
        {
            while (await reader.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is { } line)
            {
                lock (gate)
                {
                    log(line);
                    if (line.Trim().Length > 0)
                    {
                        last = line.Trim();
                    }
                }
            }
        }

        var pumps = Task.WhenAll(Pump(process.StandardOutput), Pump(process.StandardError));
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            ProcessGroup.KillTree(process, isGroupLeader: false);
            throw;
        }

        await pumps.ConfigureAwait(false);
        return (process.ExitCode, last);
    }
}
