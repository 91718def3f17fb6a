using System.ComponentModel;
using System.Diagnostics;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Execution;

namespace Buildpacks.Core.Sources;

/// <summary>
/// Runs the user's <c>git</c>, so their SSH keys and agent, credential helpers and proxy settings apply. Git must
/// never wait for a person: no terminal prompt, stdin closed, and a session of its own (through setsid) so ssh
/// cannot open the terminal to ask for a passphrase either. Whatever git prints is redacted before it is shown.
/// </summary>
internal sealed class GitCli(string executable, BuildpackReference reference)
{
    /// <summary>Runs <c>git ARGS</c> in <paramref name="workingDirectory"/>; its stdout, or a coded error.</summary>
    public async Task<string> RunAsync(IReadOnlyList<string> arguments, string? workingDirectory, string failureCode, string whatToDo, CancellationToken cancellationToken)
    {
        var (exitCode, output, error) = await TryRunAsync(arguments, workingDirectory, cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new BuildpackException(
                failureCode,
                $"git {arguments.FirstOrDefault(a => !a.StartsWith('-') && !a.Contains('=', StringComparison.Ordinal))} failed for the buildpack '{reference.Display}' (exit {exitCode}): {Redact(error.Trim())} {whatToDo}");
        }

        return output;
    }

    /// <summary>Runs <c>git ARGS</c>; the exit code and both outputs (stderr already redacted).</summary>
    public async Task<(int ExitCode, string Output, string Error)> TryRunAsync(IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        if (BashProcess.Setsid is { } setsid)
        {
            startInfo.FileName = setsid;
            startInfo.ArgumentList.Add("--wait");
            startInfo.ArgumentList.Add(executable);
        }
        else
        {
            startInfo.FileName = executable;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // HOME and the rest stay: they carry the user's git config, SSH agent and credential helpers.
        startInfo.Environment["GIT_TERMINAL_PROMPT"] = "0";
        startInfo.Environment["GCM_INTERACTIVE"] = "never";
        startInfo.Environment["GIT_ASKPASS"] = "";
        startInfo.Environment["SSH_ASKPASS"] = "";

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new Win32Exception("git did not start");
        }
        catch (Win32Exception ex)
        {
            throw new BuildpackException(
                ErrorCodes.GitNotInstalled,
                $"The buildpack '{reference.Display}' is a git repository, and git cannot be started ({ex.Message}). Install git (e.g. apt-get install git) or give a local directory or an archive URL.",
                null,
                CfExitCodes.Other,
                ex);
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return (process.ExitCode, await output.ConfigureAwait(false), Redact(await error.ConfigureAwait(false)));
        }
    }

    private string Redact(string text) => reference.Redact(text);
}
