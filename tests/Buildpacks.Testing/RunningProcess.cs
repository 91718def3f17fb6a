using System.Diagnostics;

namespace Buildpacks.Testing;

/// <summary>A child process whose output is collected as it runs, so a test can wait for a line and interrupt it.</summary>
public sealed class RunningProcess : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    private readonly Process _process;
    private readonly List<string> _lines = [];

    public RunningProcess(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.StandardInput.Close();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Description = fileName + " " + string.Join(' ', arguments);
    }

    public string Description { get; }

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    /// <summary>Waits until the output contains <paramref name="text"/>; false when the process ended or time ran out first.</summary>
    public bool WaitForOutput(string text, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < timeout)
        {
            if (Output.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            if (_process.HasExited)
            {
                return Output.Contains(text, StringComparison.Ordinal);
            }

            Thread.Sleep(100);
        }

        return false;
    }

    /// <summary>Sends SIGINT, what Ctrl+C in a terminal sends.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start("kill", ["-INT", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public ProcessResult WaitForExit()
    {
        if (!_process.WaitForExit(Limit))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Description} did not finish within {Limit}:\n{Output}");
        }

        _process.WaitForExit();
        lock (_lines)
        {
            return new ProcessResult(_process.ExitCode, [.. _lines]);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
        }
    }
}
