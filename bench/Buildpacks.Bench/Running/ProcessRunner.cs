using System.Diagnostics;
using System.Text;

namespace Buildpacks.Bench.Running;

/// <summary>
/// Starts a command with its output drained (and kept only to explain a failure) and times it from start to
/// exit. A command that fails stops the scenario: a timing of a failed staging would measure nothing.
/// </summary>
internal sealed class ProcessRunner(IReadOnlyDictionary<string, string> environment)
{
    /// <summary>A runner that also sets <paramref name="name"/> for every command.</summary>
    public ProcessRunner With(string name, string value) => new(new Dictionary<string, string>(environment) { [name] = value });

    public TimeSpan Time(string fileName, params string[] arguments) => Time(fileName, arguments, null);

    public TimeSpan Time(string fileName, IReadOnlyList<string> arguments, string? workingDirectory)
    {
        var (elapsed, _) = Run(fileName, arguments, workingDirectory);
        return elapsed;
    }

    /// <summary>Runs a command and returns how long it took and what it printed on stdout.</summary>
    public (TimeSpan Elapsed, string Output) Run(string fileName, IReadOnlyList<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        var errors = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new BenchException($"Could not start {fileName}.");
        process.StandardInput.Close();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(errors, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        stopwatch.Stop();
        if (process.ExitCode != 0)
        {
            throw new BenchException($"`{fileName} {string.Join(' ', arguments)}` exited with {process.ExitCode}:\n{Tail(errors)}\n{Tail(output)}");
        }

        return (stopwatch.Elapsed, output.ToString());
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }
    }

    private static string Tail(StringBuilder text)
    {
        var lines = text.ToString().Split('\n');
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 30)));
    }
}
