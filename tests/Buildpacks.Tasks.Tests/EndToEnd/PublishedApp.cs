using Buildpacks.Tasks.Tests.Support;

namespace Buildpacks.Tasks.Tests.EndToEnd;

/// <summary>A generated app, published once with staging; <see cref="FirstDroplet"/> keeps that droplet's bytes.</summary>
public sealed class PublishedApp
{
    private PublishedApp(PackagedTasks packaged, string name, string directory, string[] stagingArguments)
    {
        Packaged = packaged;
        Name = name;
        Directory = directory;
        StagingArguments = stagingArguments;
        FirstPublish = Publish();
        if (FirstPublish.ExitCode != 0)
        {
            throw new InvalidOperationException("The first publish failed:\n" + FirstPublish.Output);
        }

        FirstDroplet = packaged.Temp.Combine(name + ".first.droplet.tgz");
        File.Copy(Droplet, FirstDroplet);
    }

    public PackagedTasks Packaged { get; }

    public string Name { get; }

    public string Directory { get; }

    /// <summary>The arguments that turn staging on for this app.</summary>
    public string[] StagingArguments { get; }

    public ProcessResult FirstPublish { get; }

    public string FirstDroplet { get; }

    public string Droplet => Path.Combine(Directory, "bin", "Release", "net10.0", Name + ".droplet.tgz");

    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

    public static PublishedApp CreateConsoleApp(PackagedTasks packaged)
    {
        const string name = "HelloConsole";
        var directory = packaged.NewApp("console", name);
        File.WriteAllText(Path.Combine(directory, "data.txt"), "data 1");
        var project = Path.Combine(directory, name + ".csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", """
              <PropertyGroup>
                <Greeting Condition="'$(Greeting)' == ''">hello</Greeting>
              </PropertyGroup>
              <ItemGroup>
                <None Update="data.txt" CopyToPublishDirectory="PreserveNewest" />
                <BuildpackEnvironmentVariable Include="GREETING" Value="$(Greeting)" />
                <BuildpackEnvironmentVariable Include="SLOW_PID_FILE" Value="$(SlowPidFile)" Condition="'$(SlowPidFile)' != ''" />
                <BuildpackProcessType Include="worker" Command="dotnet HelloConsole.dll --worker" />
              </ItemGroup>
              <Target Name="ShowGeneratedDroplet" AfterTargets="StageBuildpackDroplet">
                <Message Importance="high" Text="GeneratedDroplet: %(GeneratedDroplet.Identity)|%(GeneratedDroplet.Sha256)|%(GeneratedDroplet.Size)|%(GeneratedDroplet.DetectedBuildpack)|%(GeneratedDroplet.ProcessTypes)" />
              </Target>
            </Project>
            """, StringComparison.Ordinal));
        return new PublishedApp(packaged, name, directory, ["-p:StageWithBuildpack=true", "-p:Buildpack=" + Repository.FixtureBuildpack("recorder")]);
    }

    public static PublishedApp CreateWebApp(PackagedTasks packaged)
    {
        const string name = "HelloWeb";
        var directory = packaged.NewApp("web", name);
        return new PublishedApp(packaged, name, directory, ["-p:StageWithBuildpack=true", "-p:Buildpack=" + Repository.SampleBuildpack]);
    }

    /// <summary><c>dotnet publish -c Release</c> with staging on, plus <paramref name="extra"/> arguments.</summary>
    public ProcessResult Publish(params string[] extra) =>
        Packaged.DotNet.Run(Directory, ["publish", "-c", "Release", .. StagingArguments, .. DotNetCli.NoServers, .. extra]);

    public RunningProcess StartPublish(params string[] extra) =>
        Packaged.DotNet.Start(Directory, ["publish", "-c", "Release", .. StagingArguments, .. DotNetCli.NoServers, .. extra]);
}
