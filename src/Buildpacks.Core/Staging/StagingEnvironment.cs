using System.Diagnostics;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Staging;

/// <summary>
/// The environment every buildpack script gets: the host's base variables (a few tools need, plus HOME and TMPDIR),
/// the platforms' staging variables, then the user's variables on top. Nothing else leaks in from the host (no MSBuild or IDE
/// variables), so every door produces the same staging.
/// </summary>
internal static class StagingEnvironment
{
    /// <summary>The host's base environment (tools, HOME, TMPDIR as scripts see them), the platform's variables, then the user's.</summary>
    public static Dictionary<string, string> Build(StagingRequest request, IReadOnlyDictionary<string, string> hostEnvironment, string appName, IStagingLog log)
    {
        var environment = new Dictionary<string, string>(hostEnvironment, StringComparer.Ordinal);
        environment["STACK"] = request.Stack;
        environment["CF_STACK"] = request.Stack;
        environment["LANG"] = "en_US.UTF-8";
        environment["MEMORY_LIMIT"] = "1024m";
        environment["VCAP_APPLICATION"] = VcapApplication.Json(appName);
        environment["VCAP_SERVICES"] = "{}";
        environment["REQUEST_ID"] = Guid.NewGuid().ToString();
        if (GitCommit(request.AppDirectory) is { } commit)
        {
            environment["SOURCE_VERSION"] = commit;
        }

        foreach (var (name, value) in request.Environment)
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
