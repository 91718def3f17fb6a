using System.Diagnostics;
using Buildpacks.Cli.Commands;

namespace Buildpacks.Cli.Tests.Support;

/// <summary>Runs the <c>buildpacks</c> command in-process with captured output, or as a real child process.</summary>
public static class CliRun
{
    public static async Task<(int ExitCode, string Output, string Error)> InProcessAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var cli = new CliEnvironment(TextWriter.Synchronized(output), TextWriter.Synchronized(error), _ => null);
        var exitCode = await CliApp.RunAsync([.. args, "--log-format", "plain"], cli);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Starts <c>dotnet buildpacks.dll ARGS</c> with stdout and stderr redirected.</summary>
    public static Process Start(params string[] args)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "buildpacks.dll"));
        foreach (var argument in args)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.ArgumentList.Add("--log-format");
        startInfo.ArgumentList.Add("plain");
        return Process.Start(startInfo)!;
    }

    /// <summary>Sends a signal the way a terminal or CI runner would, with kill(1).</summary>
    public static void Signal(Process process, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }
}
