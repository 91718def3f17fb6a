using System.Diagnostics;

namespace Buildpacks.Testing;

/// <summary>Runs a real program to its end, collecting its output lines as they come.</summary>
public static class ChildProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    /// <summary>Runs a program with an argument list.</summary>
    public static ProcessResult Run(
        string program,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null,
        Action<Process, string>? onLine = null)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Run(info, environment, onLine);
    }

    /// <summary>Runs a program with one command-line string, split the way Cake's process runner has it split.</summary>
    public static ProcessResult Run(string program, string commandLine, string workingDirectory) =>
        Run(new ProcessStartInfo(program, commandLine) { WorkingDirectory = workingDirectory }, null, null);

    private static ProcessResult Run(ProcessStartInfo info, IReadOnlyDictionary<string, string?>? environment, Action<Process, string>? onLine)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.RedirectStandardInput = true;
        info.UseShellExecute = false;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";

        // A CI runner's own variables would switch the aliases to its log language: tests set them when they mean to.
        foreach (var variable in new[] { "GITHUB_ACTIONS", "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "TF_BUILD", "AGENT_TEMPDIRECTORY" })
        {
            info.Environment.Remove(variable);
        }

        // A null value removes a variable.
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var lines = new List<string>();
        using var process = new Process { StartInfo = info };
        void Receive(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(line);
            }

            onLine?.Invoke(process, line);
        }

        process.OutputDataReceived += (_, e) => Receive(e.Data);
        process.ErrorDataReceived += (_, e) => Receive(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{info.FileName} did not end within {Limit}:\n{string.Join('\n', lines)}");
        }

        process.WaitForExit();
        lock (lines)
        {
            return new ProcessResult(process.ExitCode, [.. lines]);
        }
    }
}
