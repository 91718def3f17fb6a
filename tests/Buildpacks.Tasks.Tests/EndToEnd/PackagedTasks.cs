using Buildpacks.Tasks.Tests.Support;

namespace Buildpacks.Tasks.Tests.EndToEnd;

/// <summary>
/// The package packed once per test run into a local folder feed, a nuget.config that has that feed and
/// nuget.org, and apps generated with <c>dotnet new</c> that reference the package, created on first use.
/// </summary>
public sealed class PackagedTasks : IDisposable
{
    private readonly Lazy<PublishedApp> _consoleApp;
    private readonly Lazy<PublishedApp> _webApp;

    public PackagedTasks()
    {
        Temp = new TempDirectory("bpk-e2e-");
        Feed = Temp.Combine("feed");
        DotNet = new DotNetCli(Temp.Combine("packages"));
        try
        {
            DotNet.RunOrFail(Repository.Root, ["pack", Repository.TasksProject, "-c", Repository.Configuration, "--no-build", "-o", Feed, .. DotNetCli.NoServers]);
        }
        catch
        {
            // xunit does not dispose a fixture whose constructor failed.
            Temp.Dispose();
            throw;
        }

        Package = Directory.GetFiles(Feed, "Buildpacks.Tasks.*.nupkg").Single();
        Version = Path.GetFileNameWithoutExtension(Package)["Buildpacks.Tasks.".Length..];
        LocalFeedConfig.Write(Temp.Path, Feed);
        _consoleApp = new(() => PublishedApp.CreateConsoleApp(this));
        _webApp = new(() => PublishedApp.CreateWebApp(this));
    }

    public TempDirectory Temp { get; }

    public string Feed { get; }

    public string Package { get; }

    public string Version { get; }

    public DotNetCli DotNet { get; }

    /// <summary>A console app staged with the recorder fixture buildpack, env and process type items.</summary>
    public PublishedApp ConsoleApp => _consoleApp.Value;

    /// <summary>A <c>dotnet new web</c> app staged with the sample .NET buildpack.</summary>
    public PublishedApp WebApp => _webApp.Value;

    /// <summary>Generates an app from a template and adds the package as a user would.</summary>
    public string NewApp(string template, string name)
    {
        var directory = Temp.Combine(name);
        DotNet.RunOrFail(Temp.Path, "new", template, "-o", directory, "-n", name);
        DotNet.RunOrFail(directory, "add", "package", "Buildpacks.Tasks", "--version", Version);
        return directory;
    }

    public void Dispose() => Temp.Dispose();
}
