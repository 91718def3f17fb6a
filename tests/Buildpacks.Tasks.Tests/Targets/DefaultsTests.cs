using Buildpacks.Tasks.Tests.Support;

namespace Buildpacks.Tasks.Tests.Targets;

[Collection(nameof(InProcessMSBuild))]
public sealed class DefaultsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("", "bin/Release/net10.0/Hello.droplet.tgz")]
    [InlineData("linux-x64", "bin/Release/net10.0/linux-x64/Hello.droplet.tgz")]
    public void Defaults_follow_the_SDK_output_paths(string runtimeIdentifier, string droplet)
    {
        var project = SdkProject("");
        var properties = new Dictionary<string, string> { ["Configuration"] = "Release" };
        if (runtimeIdentifier.Length > 0)
        {
            properties["RuntimeIdentifier"] = runtimeIdentifier;
        }

        var build = InProcessBuild.Run(project, WithTasks(properties), "ComputeBuildpackStaging");

        Assert.True(build.Succeeded, build.Log);
        // The SDK writes its default paths with backslashes; MSBuild turns them into '/' when it uses them.
        Assert.Equal(droplet, build.State.GetPropertyValue("BuildpackDropletPath").Replace('\\', '/'));
        Assert.Equal(Path.Combine(_temp.Path, "Hello", droplet), build.State.GetPropertyValue("_BuildpackDropletFullPath"));
        var objFolder = runtimeIdentifier.Length > 0 ? $"obj/Release/net10.0/{runtimeIdentifier}/" : "obj/Release/net10.0/";
        Assert.Equal(objFolder + "buildpack-cache", build.State.GetPropertyValue("BuildpackCacheDirectory").Replace('\\', '/'));
        Assert.Equal(Path.Combine(_temp.Path, "Hello", objFolder, "buildpack-cache"), build.State.GetPropertyValue("_BuildpackCacheFullPath"));
        Assert.Equal("Hello", build.State.GetPropertyValue("BuildpackApplicationName"));
        Assert.Equal(Path.Combine(_temp.Path, "Hello", Path.GetDirectoryName(droplet)!, "publish") + "/", build.State.GetPropertyValue("_BuildpackAppDirectory"));
    }

    [Fact]
    public void Values_from_the_project_and_the_command_line_win_over_the_defaults()
    {
        var project = SdkProject("""
            <PropertyGroup>
              <BuildpackCacheDirectory>../caches/hello</BuildpackCacheDirectory>
              <BuildpackDropletPath>out/project.droplet.tgz</BuildpackDropletPath>
            </PropertyGroup>
            """);

        var build = InProcessBuild.Run(project, WithTasks(new() { ["BuildpackDropletPath"] = "/tmp/from-command-line.droplet.tgz", ["BuildpackApplicationName"] = "hello-app" }), "ComputeBuildpackStaging");

        Assert.True(build.Succeeded, build.Log);
        Assert.Equal("/tmp/from-command-line.droplet.tgz", build.State.GetPropertyValue("_BuildpackDropletFullPath"));
        Assert.Equal(Path.Combine(_temp.Path, "caches", "hello"), build.State.GetPropertyValue("_BuildpackCacheFullPath"));
        Assert.Equal("hello-app", build.State.GetPropertyValue("BuildpackApplicationName"));
    }

    [Fact]
    public void The_package_adds_nothing_when_staging_is_not_asked_for()
    {
        var project = SdkProject("");

        var build = InProcessBuild.Run(project, WithTasks(new() { ["Configuration"] = "Release" }), "ComputeBuildpackStaging");

        Assert.True(build.Succeeded, build.Log);
        Assert.False(build.RanTask("ComputeBuildpackInputs"));
        Assert.Empty(build.State.GetItems("GeneratedDroplet"));
    }

    // A real SDK project, with the package's files imported where NuGet would import them.
    private string SdkProject(string body)
    {
        var build = Repository.PackageBuildFolder;
        return _temp.Write("Hello/Hello.csproj", $"""
            <Project>
              <Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk" />
              <Import Project="{build}/Buildpacks.Tasks.props" />
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            {body}
              <Import Project="Sdk.targets" Sdk="Microsoft.NET.Sdk" />
              <Import Project="{build}/Buildpacks.Tasks.targets" />
            </Project>
            """);
    }

    private static Dictionary<string, string> WithTasks(Dictionary<string, string> properties)
    {
        properties["BuildpackTasksAssembly"] = Repository.TasksAssembly;
        return properties;
    }
}
