using System.Diagnostics;

namespace Buildpacks.Core.Execution;

/// <summary>Runs buildpack scripts directly on this machine.</summary>
public sealed class HostScriptExecutor : IScriptExecutor
{
    // Output still open this long after the script exited belongs to a background process it left behind.
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(3);

    private static readonly string? SetsidPath = FindOnPath("setsid");

    private static readonly string BashPath = FindOnPath("bash") ?? "/bin/sh";

    // exec fails with ETXTBSY ("Text file busy") while any process still holds a write handle on the
    // script: here, a child forked by another thread of this process in the instant a buildpack was being
    // copied, before that child reached its own exec. The handle goes away within milliseconds, so the
    // wrapper retries (bash's execfail keeps the shell alive after a failed exec). A script that cannot run
    // for any other reason was already reported by ScriptChecks.
    private const string ExecWrapper =
        "shopt -s execfail 2>/dev/null; n=0; while :; do exec \"$0\" \"$@\" </dev/null; s=$?; " +
        "if [ $s -ne 126 ] || [ $n -ge 40 ]; then exit $s; fi; n=$((n+1)); sleep 0.05; done";

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
            PumpAsync(process.StandardOutput, line => Emit(line, false)),
            PumpAsync(process.StandardError, line => Emit(line, true)));

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

    private static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            onLine(line);
        }
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
