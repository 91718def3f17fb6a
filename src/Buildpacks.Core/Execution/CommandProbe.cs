using System.Diagnostics;

namespace Buildpacks.Core.Execution;

/// <summary>Tries a command once, quietly, to learn whether this machine permits it (a namespace, a prctl).</summary>
internal static class CommandProbe
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    /// <summary>True when the command starts and exits 0 within ten seconds.</summary>
    public static bool Succeeds(IReadOnlyList<string> command)
    {
        var startInfo = new ProcessStartInfo
        {
            FileName = command[0],
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        foreach (var argument in command.Skip(1))
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Clear();
        startInfo.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        try
        {
            using var process = Process.Start(startInfo)!;
            var output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
            if (!process.WaitForExit(Limit))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            output.Wait(Limit);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
