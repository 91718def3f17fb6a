using System.Diagnostics;
using System.Text;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Staging;

/// <summary>
/// The environment every buildpack script gets: the host's base variables (a few tools need, plus HOME and TMPDIR),
/// the platforms' staging variables, then the user's variables on top. Nothing else leaks in from the host (no MSBuild or IDE
/// variables), so every door produces the same staging.
/// </summary>
internal static class StagingEnvironment
{
    /// <summary>
    /// Linux refuses to start a process with one environment string (NAME=VALUE and its NUL) over 32 pages,
    /// 128 KiB (MAX_ARG_STRLEN), and fails every buildpack script with "Argument list too long".
    /// </summary>
    public const int MaxVariableBytes = 128 * 1024;

    /// <summary>
    /// All user variables together: half of the 2 MiB Linux allows a process for arguments and environment with the
    /// default 8 MiB stack, leaving the other half to the platform's variables and the scripts' arguments.
    /// </summary>
    public const int MaxEnvironmentBytes = 1024 * 1024;

    /// <summary>
    /// Refuses, before anything runs, variables no buildpack process could be started with. A value this large is
    /// refused rather than left out of the environment with a warning: the staging would differ from what was asked
    /// without failing, and neither Cloud Foundry nor Heroku accept config vars this large either. Errors name the
    /// variable, never its value.
    /// </summary>
    public static void EnsureStartable(IReadOnlyDictionary<string, string> variables)
    {
        long total = 0;
        foreach (var (name, value) in variables)
        {
            var bytes = Encoding.UTF8.GetByteCount(name) + 1 + Encoding.UTF8.GetByteCount(value) + 1;
            if (bytes > MaxVariableBytes)
            {
                throw new BuildpackException(
                    ErrorCodes.VariableTooLarge,
                    $"The variable {name} is {bytes} bytes with its name; a process can be given at most {MaxVariableBytes} bytes per variable " +
                    "(Linux's limit), so no buildpack could start. Put large content (a certificate, a key file) in a file, e.g. in the app " +
                    "directory, and give its path in the variable.");
            }

            total += bytes;
        }

        if (total > MaxEnvironmentBytes)
        {
            throw new BuildpackException(
                ErrorCodes.VariableTooLarge,
                $"The variables given are {total} bytes together; at most {MaxEnvironmentBytes} bytes fit beside what a buildpack process " +
                "needs (Linux's limit for arguments and environment). Put large content in files and give their paths in the variables.");
        }
    }

    /// <summary>The host's base environment (tools, HOME, TMPDIR as scripts see them), the platform's variables, then the user's.</summary>
    /// <remarks>
    /// Which staging variables there are, and whether the user's reach the processes at all (Heroku keeps them in the
    /// env dir), is the platform's: <see cref="PlatformProfile"/>. <paramref name="cacheDirectory"/> is the cache as
    /// scripts see it.
    /// </remarks>
    public static Dictionary<string, string> Build(StagingRequest request, IReadOnlyDictionary<string, string> hostEnvironment, string appName, string cacheDirectory, IStagingLog log)
    {
        var environment = new Dictionary<string, string>(hostEnvironment, StringComparer.Ordinal);
        var profile = PlatformProfile.Of(request.Platform);
        foreach (var (name, value) in profile.StagingVariables(request, appName, cacheDirectory, () => GitCommit(request.AppDirectory)))
        {
            environment[name] = value;
        }

        foreach (var (name, value) in profile.ExportsUserVariables ? request.Environment : new Dictionary<string, string>())
        {
            if (VariableNames.NotExported.Contains(name))
            {
                log.Warning(new BuildpackDiagnostic(
                    ErrorCodes.VariableNotExported,
                    $"{name} is written to the env dir but not exported to buildpack processes: it would replace what the build tools themselves need."));
                continue;
            }

            environment[name] = value;
        }

        return environment;
    }

    public static void WriteEnvDirectory(IReadOnlyDictionary<string, string> variables, string envDirectory)
    {
        foreach (var (name, value) in variables)
        {
            VariableNames.EnsureValid(name);
            File.WriteAllText(Path.Combine(envDirectory, name), value);
        }
    }

    private static string? GitCommit(string appDirectory)
    {
        try
        {
            var startInfo = new ProcessStartInfo("git")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = appDirectory,
            };
            startInfo.ArgumentList.Add("rev-parse");
            startInfo.ArgumentList.Add("--verify");
            startInfo.ArgumentList.Add("-q");
            startInfo.ArgumentList.Add("HEAD");
            using var git = Process.Start(startInfo)!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.StandardError.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 && output.Length >= 40 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // git is not installed: no SOURCE_VERSION, as on a platform without git metadata.
        }
    }
}
