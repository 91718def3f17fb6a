using System.Text.Json;
using Buildpacks.Core.Requests;
using Buildpacks.Core.Staging;
using Buildpacks.Core.Tests.Support;
using Cake.Buildpacks.Tests.Support;
using Cake.Common.Tools.DotNet.MSBuild;
using Cake.Common.Tools.DotNet.Publish;
using Cake.Core.IO;

namespace Cake.Buildpacks.Tests.EndToEnd;

/// <summary>
/// The command line Cake renders from WithBuildpackStaging, given to the real MSBuild: it must be accepted, and
/// each property must hold what the settings said (lists as one ';' separated value, spaces intact).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PublishPropertiesMSBuildTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void MSBuild_reads_every_staging_property_as_the_settings_gave_it()
    {
        var settings = new DotNetPublishSettings().WithBuildpackStaging(new BuildpackStagingSettings()
            .WithBuildpack("/my buildpacks/supply")
            .WithBuildpack("/my buildpacks/final")
            .WithCandidate("/bp/node")
            .SetStack("heroku-24")
            .SetCacheDirectory("/my work/cache")
            .SetDropletPath("/my work/app.droplet.tgz")
            .SetLayout(DropletLayout.Heroku)
            .SetTimeout(TimeSpan.FromMinutes(20))
            .SetProcfileMode(ProcfileMode.ReplaceDefaults)
            .SetApplicationName("hello app")
            .SetResultPath("/my work/result.json")
            .SetTimestamp(DateTimeOffset.FromUnixTimeSeconds(1700000000))
            .WithEnvironmentFile("/my work/a.env")
            .WithEnvironmentFile("/my work/b.env")
            .WithEnvironmentVariable("GREETING", "hello, world")
            .WithEnvironmentVariable("TRICKY", "a;b 100% %3B $(NotAProperty) @(NotAnItem)")
            .WithProcessType("web", "dotnet App.dll --urls http://0.0.0.0:$PORT"));
        var builder = new ProcessArgumentBuilder();
        builder.AppendMSBuildSettings(settings.MSBuildSettings, new FakeCakeEnvironment(_temp.Path));
        var project = _temp.Combine("empty.proj");
        File.WriteAllText(project, "<Project />");
        string[] names =
        [
            "StageWithBuildpack", "Buildpack", "BuildpackCandidates", "BuildpackStack", "BuildpackCacheDirectory", "BuildpackDropletPath",
            "BuildpackLayout", "BuildpackTimeout", "BuildpackProcfileMode", "BuildpackApplicationName", "BuildpackResultPath",
            "BuildpackTimestamp", "BuildpackEnvironmentFile", "BuildpackEnvironment", "BuildpackProcessTypes",
        ];
        var queries = string.Join(' ', names.Select(name => "-getProperty:" + name));

        var run = ChildProcess.Run("dotnet", $"msbuild \"{project}\" {queries} {builder.Render()}", _temp.Path);

        Assert.True(run.ExitCode == 0, run.Output);
        var properties = JsonDocument.Parse(run.Output).RootElement.GetProperty("Properties");
        string Property(string name) => properties.GetProperty(name).GetString()!;
        Assert.Equal("true", Property("StageWithBuildpack"));
        Assert.Equal("/my buildpacks/supply;/my buildpacks/final", Property("Buildpack"));
        Assert.Equal("/bp/node", Property("BuildpackCandidates"));
        Assert.Equal("heroku-24", Property("BuildpackStack"));
        Assert.Equal("/my work/cache", Property("BuildpackCacheDirectory"));
        Assert.Equal("/my work/app.droplet.tgz", Property("BuildpackDropletPath"));
        Assert.Equal("heroku", Property("BuildpackLayout"));
        Assert.Equal("00:20:00", Property("BuildpackTimeout"));
        Assert.Equal("replace", Property("BuildpackProcfileMode"));
        Assert.Equal("hello app", Property("BuildpackApplicationName"));
        Assert.Equal("/my work/result.json", Property("BuildpackResultPath"));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), DateTimeOffset.Parse(Property("BuildpackTimestamp"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("/my work/a.env;/my work/b.env", Property("BuildpackEnvironmentFile"));
        // The package's task reads these lists with the engine's AssignmentList.
        Assert.Equal(["GREETING=hello, world", "TRICKY=a;b 100% %3B $(NotAProperty) @(NotAnItem)"], AssignmentList.Split(Property("BuildpackEnvironment")));
        Assert.Equal(["web=dotnet App.dll --urls http://0.0.0.0:$PORT"], AssignmentList.Split(Property("BuildpackProcessTypes")));
    }
}
