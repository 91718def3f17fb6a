using System.Diagnostics;
using System.Globalization;

namespace Buildpacks.Bench;

/// <summary>Where the repository is, which commit is measured, and how busy the machine is.</summary>
internal static class RepositoryInfo
{
    /// <summary>The folder holding Buildpacks.Tasks.sln, above this assembly's build output.</summary>
    public static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Buildpacks.Tasks.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Buildpacks.Tasks.sln above {AppContext.BaseDirectory}: run the harness from its build output in the repository.");
    }

    /// <summary>The short commit, with "+changes" when the work tree differs from it; "unknown" outside git.</summary>
    public static string Commit(string repository)
    {
        var commit = Git(repository, "rev-parse", "--short", "HEAD");
        if (commit.Length == 0)
        {
            return "unknown";
        }

        return Git(repository, "status", "--porcelain").Length > 0 ? commit + "+changes" : commit;
    }

    /// <summary>The 1-, 5- and 15-minute load averages.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>Whether the machine ran more than one task per core over the last minute.</summary>
    public static bool IsBusy() =>
        double.TryParse(LoadAverage().Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load) && load > Environment.ProcessorCount;

    private static string Git(string repository, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = repository };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var git = Process.Start(start)!;
            _ = git.StandardError.ReadToEndAsync();
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : "";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }
}
