using System.Diagnostics;
using Buildpacks.Cli.Commands;

namespace Buildpacks.Cli.Tests.Support;

/// <summary>Runs the <c>buildpacks</c> command in-process with captured output, and signals real ones.</summary>
public static class InProcessCli
{
    public static async Task<(int ExitCode, string Output, string Error)> InProcessAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var cli = new CliEnvironment(TextWriter.Synchronized(output), TextWriter.Synchronized(error), _ => null);
        var exitCode = await CliApp.RunAsync([.. args, "--log-format", "plain"], cli);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Sends a signal the way a terminal or CI runner would, with kill(1).</summary>
    public static void Signal(Process process, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }
}
