using System.Diagnostics;

namespace Buildpacks.Core.Execution;

/// <summary>Runs buildpack scripts directly on this machine.</summary>
public sealed class HostScriptExecutor : IScriptExecutor
{
    // Output still open this long after the script exited belongs to a background process it left behind.
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(3);

    private static readonly string? SetsidPath = FindOnPath("setsid");

    private static readonly string BashPath = FindOnPath("bash") ?? "/bin/sh";

    // stdin from /dev/null, not an inherited terminal or an empty pipe.
    private static readonly string ExecWrapper = ExecRetry.Wrap("exec \"$0\" \"$@\" </dev/null");

    /// <inheritdoc />
    public async Task<ScriptOutcome> RunAsync(ScriptInvocation invocation, Action<string, bool> onLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(onLine);
        cancellationToken.ThrowIfCancellationRequested();

        var startInfo = CreateStartInfo(invocation);
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = startInfo };
        process.Start();
        var isGroupLeader = SetsidPath is not null;

        var gate = new object();
        void Emit(string line, bool isError)
        {
            lock (gate)
            {
                onLine(line, isError);
            }
        }

        var readers = Task.WhenAll(
            OutputLines.PumpAsync(process.StandardOutput, line => Emit(line, false)),
            OutputLines.PumpAsync(process.StandardError, line => Emit(line, true)));

        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            ProcessGroup.KillTree(process, isGroupLeader);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            await readers.WaitAsync(OutputGrace, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        try
        {
            await readers.WaitAsync(OutputGrace, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A daemon the script started holds our pipes; stop it so it cannot outlive the staging.
            ProcessGroup.KillTree(process, isGroupLeader);
            await readers.WaitAsync(OutputGrace, CancellationToken.None).ConfigureAwait(false);
        }

        return new ScriptOutcome(process.ExitCode, stopwatch.Elapsed);
    }

    private static ProcessStartInfo CreateStartInfo(ScriptInvocation invocation)
    {
        var startInfo = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            WorkingDirectory = invocation.WorkingDirectory,
        };

        // The wrapper gives the script a real /dev/null stdin, not an inherited terminal or an empty pipe;
        // setsid makes it a process group leader we can stop as a whole.
        if (SetsidPath is not null)
        {
            startInfo.FileName = SetsidPath;
            startInfo.ArgumentList.Add("--wait");
            startInfo.ArgumentList.Add(BashPath);
        }
        else
        {
            startInfo.FileName = BashPath;
        }

        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(ExecWrapper);
        startInfo.ArgumentList.Add(invocation.ScriptPath);
        foreach (var argument in invocation.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Clear();
        foreach (var (name, value) in invocation.Environment)
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }

    private static string? FindOnPath(string name)
    {
        foreach (var candidate in new[] { "/usr/bin/", "/bin/", "/usr/local/bin/" })
        {
            var path = candidate + name;
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
