namespace Buildpacks.Tasks.Tests.Support;

/// <summary>
/// Runs the real <c>dotnet</c> CLI the way a user would, with a private NuGet package folder so a re-packed
/// package of the same version is never served from a stale global cache.
/// </summary>
public sealed class DotNetCli(string packagesFolder)
{
    /// <summary>Builds leave no MSBuild or compiler servers behind to outlive the test run.</summary>
    public static readonly string[] NoServers = ["--disable-build-servers", "-tl:off"];

    public ProcessResult Run(string workingDirectory, params string[] arguments)
    {
        using var process = Start(workingDirectory, arguments);
        return process.WaitForExit();
    }

    /// <summary>Runs and fails the test with the whole output when the command fails.</summary>
    public ProcessResult RunOrFail(string workingDirectory, params string[] arguments)
    {
        var result = Run(workingDirectory, arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} exited {result.ExitCode}:\n{result.Output}");
        }

        return result;
    }

    public RunningProcess Start(string workingDirectory, params string[] arguments) =>
        new("dotnet", arguments, workingDirectory, Environment());

    /// <summary>Runs <c>dotnet</c> in a network namespace of its own (<c>unshare -n</c>): no interface but a loopback that is down.</summary>
    public ProcessResult RunWithoutNetwork(string workingDirectory, params string[] arguments)
    {
        using var process = new RunningProcess("unshare", ["-n", "dotnet", .. arguments], workingDirectory, Environment());
        return process.WaitForExit();
    }

    private Dictionary<string, string?> Environment()
    {
        var environment = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = packagesFolder,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["DOTNET_CLI_UI_LANGUAGE"] = "en",
        };

        // The test host runs inside MSBuild's world (dotnet test, MSBuildLocator): none of that may leak into
        // the user's build, which must find its own SDK and MSBuild.
        foreach (var name in System.Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("MSBuild", StringComparison.Ordinal))
            {
                environment[name] = null;
            }
        }

        return environment;
    }
}
