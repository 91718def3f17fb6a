using System.Diagnostics;

namespace Buildpacks.Core.Execution;

/// <summary>
/// Starts <c>bash -c SCRIPT ARGV0 ARGS...</c> with exactly the environment given, output redirected: the one way
/// buildpack scripts, exec.d programs and launched apps are started on this machine.
/// </summary>
internal static class BashProcess
{
    /// <summary>bash: buildpack and profile scripts are bash, and the platforms start every command with <c>bash -c</c>.</summary>
    public static readonly string Bash = Find("bash") ?? "/bin/sh";

    /// <summary>setsid, when installed: the process then leads its own session and process group, which can be signalled as a whole.</summary>
    public static readonly string? Setsid = Find("setsid");

    /// <summary>Starts the process; with <paramref name="ownSession"/> it leads its own process group when setsid exists.</summary>
    public static (Process Process, bool IsGroupLeader) Start(
        string script,
        string argv0,
        IEnumerable<string> arguments,
        IEnumerable<KeyValuePair<string, string>> environment,
        string workingDirectory,
        bool ownSession)
    {
        var startInfo = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            WorkingDirectory = workingDirectory,
        };

        var isGroupLeader = ownSession && Setsid is not null;
        if (isGroupLeader)
        {
            startInfo.FileName = Setsid;
            startInfo.ArgumentList.Add("--wait");
            startInfo.ArgumentList.Add(Bash);
        }
        else
        {
            startInfo.FileName = Bash;
        }

        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(script);
        startInfo.ArgumentList.Add(argv0);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Nothing is inherited: every door (MSBuild node, Cake, CLI) gives the child the same environment.
        startInfo.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo };
        process.Start();
        return (process, isGroupLeader);
    }

    private static string? Find(string name) =>
        new[] { "/usr/bin/", "/bin/", "/usr/local/bin/" }.Select(directory => directory + name).FirstOrDefault(File.Exists);
}
