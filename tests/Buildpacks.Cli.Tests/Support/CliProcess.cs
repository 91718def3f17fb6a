using System.Diagnostics;
using System.Text;

namespace Buildpacks.Cli.Tests.Support;

/// <summary>What one run of the real <c>buildpacks</c> process did.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error);

/// <summary>Runs the built <c>buildpacks</c> tool as its own process, as users and CI do.</summary>
public static class CliProcess
{
    public static string ToolPath => Path.Combine(AppContext.BaseDirectory, "buildpacks.dll");

    /// <summary>The user that file permissions stop, as root is never stopped: nobody.</summary>
    public const int NobodyId = 65534;

    public static Process Start(IEnumerable<string> arguments, IDictionary<string, string?>? environment = null, string? workingDirectory = null, bool asNobody = false)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };

        // Tests run as root here and in CI, which reads every file; a user's unreadable file needs a plain user.
        if (asNobody && Environment.UserName == "root")
        {
            start.FileName = "setpriv";
            foreach (var option in new[] { $"--reuid={NobodyId}", $"--regid={NobodyId}", "--clear-groups", "dotnet" })
            {
                start.ArgumentList.Add(option);
            }
        }

        start.ArgumentList.Add(ToolPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A CI runner's own variables must not change the log format under test.
        start.Environment.Remove("GITHUB_ACTIONS");
        start.Environment.Remove("TF_BUILD");
        start.Environment.Remove("GITHUB_OUTPUT");
        start.Environment.Remove("GITHUB_STEP_SUMMARY");
        start.Environment.Remove("AGENT_TEMPDIRECTORY");
        start.Environment.Remove("NO_COLOR");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    public static async Task<CliRun> RunAsync(IEnumerable<string> arguments, IDictionary<string, string?>? environment = null, string? workingDirectory = null, bool asNobody = false)
    {
        using var process = Start(arguments, environment, workingDirectory, asNobody);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return new CliRun(process.ExitCode, await output, await error);
    }

    /// <summary>Runs the real CLI in a network namespace of its own: no interface but a loopback that is down.</summary>
    public static async Task<CliRun> RunWithoutNetworkAsync(string[] arguments, IDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var start = new System.Diagnostics.ProcessStartInfo("unshare") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory ?? "" };
        foreach (var argument in (string[])["-n", "dotnet", CliProcess.ToolPath, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliRun(process.ExitCode, await output, await error);
    }

    public static string Describe(CliRun run) => new StringBuilder()
        .Append("exit ").Append(run.ExitCode).Append("\nstdout:\n").Append(run.Output).Append("\nstderr:\n").Append(run.Error).ToString();
}
