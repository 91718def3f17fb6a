using System.Diagnostics;

namespace Buildpacks.Core.Execution;

/// <summary>
/// Starts <c>bash -c SCRIPT ARGV0 ARGS...</c> with exactly the environment given, output redirected: the one way
/// buildpack scripts, exec.d programs and launched apps are started on this machine. Every process it starts dies
/// with this process, even by SIGKILL, where setpriv can arrange it (see <see cref="ParentDeathSignal"/>).
/// </summary>
internal static class BashProcess
{
    /// <summary>bash: buildpack and profile scripts are bash, and the platforms start every command with <c>bash -c</c>.</summary>
    public static readonly string Bash = Find("bash") ?? "/bin/sh";

    /// <summary>setsid, when installed: the process then leads its own session and process group, which can be signalled as a whole.</summary>
    public static readonly string? Setsid = Find("setsid");

    /// <summary>
    /// Starts the process; with <paramref name="ownSession"/> it leads its own process group when setsid exists.
    /// <paramref name="through"/> is a command (e.g. unshare with its options) that bash is started through.
    /// </summary>
    public static (Process Process, bool IsGroupLeader) Start(
        string script,
        string argv0,
        IEnumerable<string> arguments,
        IEnumerable<KeyValuePair<string, string>> environment,
        string workingDirectory,
        bool ownSession,
        IReadOnlyList<string>? through = null)
    {
        var isGroupLeader = ownSession && Setsid is not null;
        var command = new List<string>();
        if (isGroupLeader)
        {
            command.Add(Setsid!);
            command.Add("--wait");
        }

        command.AddRange(ParentDeathSignal.Prefix);
        command.AddRange(through ?? []);
        command.AddRange([Bash, "-c", script, argv0]);
        command.AddRange(arguments);

        var startInfo = new ProcessStartInfo
        {
            FileName = command[0],
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in command.Skip(1))
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
        ProcessStartThread.Run(() => process.Start());
        return (process, isGroupLeader);
    }

    /// <summary>The full path of a tool in the system's directories, or null.</summary>
    public static string? Find(string name) =>
        new[] { "/usr/bin/", "/bin/", "/usr/local/bin/" }.Select(directory => directory + name).FirstOrDefault(File.Exists);
}
