using System.Text.Json;
using Buildpacks.Core.Tests.Support;
using Cake.Buildpacks.Tests.Support;

namespace Cake.Buildpacks.Tests.EndToEnd;

/// <summary>
/// What a user of both packages does: a project references <c>Buildpacks.Tasks</c> from a local feed, and a Cake
/// script that loads the addin from the same feed publishes it with <c>WithBuildpackStaging</c>, run by the real
/// <c>dotnet cake</c>. The droplet proves each setting went through Cake's command line and MSBuild to the package.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(CakeRunnerCollection.Name)]
public sealed class WithBuildpackStagingPublishTests(AddinFeed feed) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void DotNetPublish_stages_with_the_buildpack_into_the_droplet_path_and_keeps_other_MSBuild_properties()
    {
        CreateProject();
        // A space in the droplet's folder: Cake escapes it (%20), MSBuild must give it back.
        var script = WriteScript($$"""
            DotNetPublish("app/App.csproj", new DotNetPublishSettings
            {
                Configuration = "Release",
                MSBuildSettings = new DotNetMSBuildSettings().WithProperty("Greeting", "hello from cake"),
            }.WithBuildpackStaging(new BuildpackStagingSettings()
                .WithBuildpack("{{Repository.FixtureBuildpack("recorder")}}")
                .SetDropletPath(MakeAbsolute(File("my droplets/app.droplet.tgz")))));
            """);

        var run = feed.RunCake(script);

        Assert.True(run.ExitCode == 0, run.Output);
        var droplet = _temp.Combine("my droplets", "app.droplet.tgz");
        Assert.True(File.Exists(droplet), run.Output);
        Assert.Contains($"  App -> {droplet}", run.Lines);
        Assert.False(File.Exists(_temp.Combine("app", "bin", "Release", "net10.0", "App.droplet.tgz")), "a droplet at the package's default path too");
        var entries = DropletContents.ByName(droplet);
        Assert.Contains("./app/App.dll", entries.Keys);
        var stagingInfo = StagingInfo(entries);
        Assert.Equal("recorder", stagingInfo.GetProperty("detected_buildpack").GetString());
        Assert.Equal("recorder-web --marker=written-by-compile", stagingInfo.GetProperty("start_command").GetString());
        Assert.Equal("recorder-web --marker=written-by-compile", stagingInfo.GetProperty("process_types").GetProperty("web").GetString());
        // The project makes an item of its own from the Greeting property, which travels next to the staging properties.
        Assert.Contains("GREETING=hello from cake\n", entries["./app/.recorded/envdir"].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Variables_env_files_process_types_and_the_other_settings_reach_the_buildpack_through_MSBuild()
    {
        CreateProject();
        File.WriteAllText(_temp.Combine("staging.env"), "FROM_FILE=file\nOVERRIDDEN=file\n");
        var script = WriteScript($$"""
            DotNetPublish("app/App.csproj", new DotNetPublishSettings { Configuration = "Release" }
                .WithBuildpackStaging(new BuildpackStagingSettings()
                    .WithBuildpack("{{Repository.FixtureBuildpack("recorder")}}")
                    .SetDropletPath(MakeAbsolute(File("out/app.droplet.tgz")))
                    .SetResultPath(MakeAbsolute(File("out/result.json")))
                    .SetApplicationName("hello-cake")
                    .SetTimestamp(DateTimeOffset.FromUnixTimeSeconds(1700000000))
                    .WithEnvironmentFile(MakeAbsolute(File("staging.env")))
                    .WithEnvironmentVariable("OVERRIDDEN", "setting")
                    .WithEnvironmentVariable("TRICKY", "a;b, 100% $HOME")
                    .WithProcessType("web", "dotnet App.dll --urls http://0.0.0.0:$PORT")));
            """);

        var run = feed.RunCake(script);

        Assert.True(run.ExitCode == 0, run.Output);
        var droplet = _temp.Combine("out", "app.droplet.tgz");
        var entries = DropletContents.ByName(droplet);
        Assert.Equal(
            "FROM_FILE=file\nOVERRIDDEN=setting\nTRICKY=a;b, 100% $HOME\n",
            entries["./app/.recorded/envdir"].Text);
        Assert.Contains("\"application_name\":\"hello-cake\"", entries["./app/.recorded/env"].Text, StringComparison.Ordinal);
        Assert.Equal("dotnet App.dll --urls http://0.0.0.0:$PORT", StagingInfo(entries).GetProperty("process_types").GetProperty("web").GetString());
        Assert.All(entries.Values, entry => Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), entry.ModificationTime));
        using var result = JsonDocument.Parse(File.ReadAllText(_temp.Combine("out", "result.json")));
        Assert.Equal("dotnet App.dll --urls http://0.0.0.0:$PORT", result.RootElement.GetProperty("process_types").GetProperty("web").GetString());
    }

    [Fact]
    public void DotNetPublish_stages_with_a_list_of_buildpacks_supply_then_final()
    {
        CreateProject();
        var script = WriteScript($$"""
            DotNetPublish("app/App.csproj", new DotNetPublishSettings { Configuration = "Release" }
                .WithBuildpackStaging(new BuildpackStagingSettings()
                    .WithBuildpack("{{Repository.FixtureBuildpack("supply-a")}}")
                    .WithBuildpack("{{Repository.FixtureBuildpack("final-f")}}")
                    .SetDropletPath(MakeAbsolute(File("out/app.droplet.tgz")))));
            """);

        var run = feed.RunCake(script);

        Assert.True(run.ExitCode == 0, run.Output);
        var droplet = _temp.Combine("out", "app.droplet.tgz");
        var entries = DropletContents.ByName(droplet);
        Assert.Contains("./deps/0/bin/tool-a", entries.Keys);
        Assert.Contains("./profile.d/final.sh", entries.Keys);
        var stagingInfo = StagingInfo(entries);
        Assert.Equal("final-f", stagingInfo.GetProperty("detected_buildpack").GetString());
        Assert.Equal("final-web", stagingInfo.GetProperty("process_types").GetProperty("web").GetString());
        Assert.Equal("worker-from-supply-a", stagingInfo.GetProperty("process_types").GetProperty("worker").GetString());
    }

    [Fact]
    public async Task With_a_lock_file_the_CLI_MSBuild_and_Cake_stage_the_same_droplet_from_the_locked_commit_after_the_tag_moved()
    {
        CreateProject();
        var repo = GitRepo.Create(_temp.Combine("bp-repo"), "locked");
        repo.Git("tag", "v1");
        var locked = repo.Head();
        var moved = repo.Commit("moved");
        var url = repo.FileUrl + "#v1";
        var script = WriteScript($$"""
            var cache = MakeAbsolute(Directory("bpcache"));
            var lockFile = BuildpackLock("app", new BuildpackLockSettings().WithBuildpack("{{url}}").SetBuildpackCacheRoot(cache));
            Information("LOCKED {0}", lockFile.Entries["{{url}}"].Identity);
            if (StartProcess("git", new ProcessSettings { Arguments = "-C {{repo.Path}} tag -f v1 {{moved}}" }) != 0) throw new Exception("git tag failed");
            DotNetPublish("app/App.csproj", new DotNetPublishSettings { Configuration = "Release" }
                .WithBuildpackStaging(new BuildpackStagingSettings()
                    .WithBuildpack("{{url}}")
                    .SetBuildpackCacheRoot(cache)
                    .SetDropletPath(MakeAbsolute(File("out/msbuild.droplet.tgz")))));
            BuildpackStage("app/bin/Release/net10.0/publish", new BuildpackStageSettings()
                .WithBuildpack("{{url}}")
                .SetBuildpackCacheRoot(cache)
                .SetLockFile("app/buildpacks.lock.json")
                .SetApplicationName("App")
                .SetDropletPath("out/cake.droplet.tgz"));
            """);

        var run = feed.RunCake(script);
        var output = new StringWriter();
        var exitCode = await global::Buildpacks.Cli.Commands.CliApp.RunAsync(
            ["stage", _temp.Combine("app", "bin", "Release", "net10.0", "publish"), "-b", url, "--lock-file", _temp.Combine("app", "buildpacks.lock.json"),
             "--app-name", "App", "--buildpack-cache", _temp.Combine("bpcache"), "--output", _temp.Combine("out", "cli.droplet.tgz"), "--log-format", "plain"],
            new global::Buildpacks.Cli.Commands.CliEnvironment(output, output, Environment.GetEnvironmentVariable));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(exitCode == 0, output.ToString());
        Assert.Contains("LOCKED git:" + locked, run.Lines);
        var droplets = new[] { "msbuild", "cake", "cli" }.Select(door => _temp.Combine("out", door + ".droplet.tgz")).ToList();
        Assert.All(droplets, droplet => Assert.Equal("locked\n", DropletContents.TextOf(droplet, "./app/marker")));
        Assert.Single(droplets.Select(global::Buildpacks.Core.Droplets.DropletInspector.Sha256Of).Distinct());
    }

    private static JsonElement StagingInfo(Dictionary<string, DropletEntry> entries)
    {
        // staging_info.yml is JSON, which is YAML too.
        using var json = JsonDocument.Parse(entries["./staging_info.yml"].Text!);
        return json.RootElement.Clone();
    }

    /// <summary>A console app that references the MSBuild package from the feed, as <c>dotnet add package</c> writes it.</summary>
    private void CreateProject()
    {
        feed.WriteNuGetConfig(_temp.Path);
        _temp.CreateApp(
            "app",
            ("App.csproj", $$"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Buildpacks.Tasks" Version="{{feed.TasksVersion}}">
                      <PrivateAssets>all</PrivateAssets>
                      <IncludeAssets>runtime; build; native; contentfiles; analyzers; buildtransitive</IncludeAssets>
                    </PackageReference>
                  </ItemGroup>
                  <ItemGroup>
                    <BuildpackEnvironmentVariable Include="GREETING" Value="$(Greeting)" Condition="'$(Greeting)' != ''" />
                  </ItemGroup>
                </Project>
                """),
            ("Program.cs", "Console.WriteLine(\"Hello\");\n"));
    }

    private string WriteScript(string body)
    {
        var path = _temp.Combine("build.cake");
        File.WriteAllText(path, feed.AddinDirective + "\n\n" + body + "\n");
        return path;
    }
}
