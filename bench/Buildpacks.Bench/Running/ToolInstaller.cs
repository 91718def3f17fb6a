using System.Diagnostics;
using Buildpacks.Bench.Results;

namespace Buildpacks.Bench.Running;

/// <summary>Installs a baseline tool the machine lacks with apt-get, when running as root; the report says what happened.</summary>
internal static class ToolInstaller
{
    private static readonly Dictionary<string, bool> Known = [];

    public static bool Ensure(string command, string package, BenchReport report, TextWriter progress)
    {
        if (Known.TryGetValue(command, out var known))
        {
            return known;
        }

        var found = Exists(command);
        if (!found && Environment.UserName == "root" && Exists("apt-get"))
        {
            progress.WriteLine($"Installing {package} with apt-get...");
            found = Run("apt-get", "update", "-qq") && Run("apt-get", "install", "-y", "-qq", package) && Exists(command);
            report.Notes.Add(found ? $"{command} was missing: the harness installed the `{package}` package." : $"{command} is missing and `apt-get install {package}` failed.");
        }
        else if (!found)
        {
            report.Notes.Add($"{command} is missing and the harness cannot install it (not root, or no apt-get): install `{package}`.");
        }

        Known[command] = found;
        return found;
    }

    private static bool Exists(string command) =>
        command.StartsWith('/')
            ? File.Exists(command)
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => d.Length > 0 && File.Exists(Path.Combine(d, command)));

    private static bool Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
