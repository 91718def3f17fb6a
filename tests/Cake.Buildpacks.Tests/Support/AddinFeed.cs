using System.Reflection;
using Buildpacks.Core.Tests.Support;

namespace Cake.Buildpacks.Tests.Support;

/// <summary>
/// The addin and the <c>Buildpacks.Tasks</c> MSBuild package packed once, as built for this test run, into one
/// local folder feed: scripts load the addin with <c>#addin nuget:file://...</c>, projects reference the MSBuild
/// package from it. And the repository's Cake.Tool restored, for <c>dotnet cake</c>.
/// </summary>
public sealed class AddinFeed : IDisposable
{
    private readonly TempDirectory _temp = new();

    public AddinFeed()
    {
        FeedDirectory = Directory.CreateDirectory(_temp.Combine("feed")).FullName;
        PackagesFolder = _temp.Combine("nuget-packages");
        var configuration = typeof(AddinFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;
        try
        {
            Ensure(ChildProcess.Run("dotnet", ["tool", "restore"], Repository.Root));
            foreach (var project in new[] { "Cake.Buildpacks", "Buildpacks.Tasks" })
            {
                Ensure(ChildProcess.Run(
                    "dotnet",
                    ["pack", Path.Combine(Repository.Root, "src", project, project + ".csproj"), "--no-build", "-c", configuration, "-o", FeedDirectory],
                    Repository.Root));
            }
        }
        catch
        {
            // xunit does not dispose a fixture whose constructor failed.
            _temp.Dispose();
            throw;
        }

        PackagePath = Directory.GetFiles(FeedDirectory, "Cake.Buildpacks.*.nupkg").Single();
        Version = Path.GetFileNameWithoutExtension(PackagePath)["Cake.Buildpacks.".Length..];
        TasksVersion = Path.GetFileNameWithoutExtension(Directory.GetFiles(FeedDirectory, "Buildpacks.Tasks.*.nupkg").Single())["Buildpacks.Tasks.".Length..];
    }

    public string FeedDirectory { get; }

    public string PackagePath { get; }

    public string Version { get; }

    /// <summary>The version of the <c>Buildpacks.Tasks</c> package in the feed.</summary>
    public string TasksVersion { get; }

    /// <summary>A NuGet packages folder of this run only, so no addin installed earlier is ever reused.</summary>
    public string PackagesFolder { get; }

    public string AddinDirective => $"#addin nuget:file://{FeedDirectory}?package=Cake.Buildpacks&version={Version}";

    /// <summary>
    /// Writes a nuget.config into <paramref name="directory"/> with this feed and nuget.org only, as a user does for a
    /// project that references <c>Buildpacks.Tasks</c> from a local feed. (Restores under <see cref="RunCake"/> use
    /// <see cref="PackagesFolder"/>, so a package packed again with the same version is never served stale.)
    /// </summary>
    public void WriteNuGetConfig(string directory) => LocalFeedConfig.Write(directory, FeedDirectory);

    /// <summary>
    /// Runs <c>dotnet cake SCRIPT</c> from the repository root (where the tool manifest is), without colours.
    /// With <paramref name="ownProcessGroup"/> it runs under <c>setsid</c>, so a test can signal the group as a terminal would.
    /// <paramref name="environment"/> adds variables (a null value removes one, <c>NO_COLOR</c> too).
    /// With <paramref name="withoutNetwork"/> it runs under <c>unshare -n</c>: no interface but a loopback that is down.
    /// </summary>
    public ProcessResult RunCake(
        string script,
        Action<System.Diagnostics.Process, string>? onLine = null,
        bool ownProcessGroup = false,
        IReadOnlyDictionary<string, string?>? environment = null,
        bool withoutNetwork = false)
    {
        var variables = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = PackagesFolder, ["NO_COLOR"] = "1" };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        if (withoutNetwork)
        {
            return ChildProcess.Run("unshare", ["-n", "dotnet", "cake", script], Repository.Root, variables, onLine);
        }

        return ChildProcess.Run(ownProcessGroup ? "setsid" : "dotnet", ownProcessGroup ? ["dotnet", "cake", script] : ["cake", script], Repository.Root, variables, onLine);
    }

    public void Dispose() => _temp.Dispose();

    private static void Ensure(ProcessResult result)
    {
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("Preparing the addin feed failed:\n" + result.Output);
        }
    }
}
