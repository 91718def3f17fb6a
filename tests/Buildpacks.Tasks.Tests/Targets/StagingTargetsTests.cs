using Buildpacks.Tasks.Tests.Support;
using Microsoft.Build.Framework;

namespace Buildpacks.Tasks.Tests.Targets;

// MSBuild moves the process's current directory while it builds: keep in-process builds in one collection.
[Collection(nameof(InProcessMSBuild))]
public sealed class StagingTargetsTests : IDisposable
{
    private const string StagingTarget = "_StageBuildpackDropletIfChanged";

    private readonly TempDirectory _temp = new();
    private readonly TestProject _project;
    private readonly Dictionary<string, string> _stage;

    public StagingTargetsTests()
    {
        _project = new TestProject(_temp);
        _stage = new Dictionary<string, string>
        {
            ["StageWithBuildpack"] = "true",
            ["Buildpack"] = Repository.FixtureBuildpack("recorder"),
        };
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Publish_with_StageWithBuildpack_stages_and_reports_GeneratedDroplet()
    {
        _project.Write();

        var build = _project.Build(_stage);

        Assert.True(build.Succeeded, build.Log);
        var droplet = Assert.Single(build.State.GetItems("GeneratedDroplet"));
        Assert.Equal(_project.DefaultDroplet, droplet.EvaluatedInclude);
        Assert.Equal(Buildpacks.Core.Droplets.DropletInspector.Sha256Of(_project.DefaultDroplet), droplet.GetMetadataValue("Sha256"));
        Assert.Equal("recorder", droplet.GetMetadataValue("DetectedBuildpack"));
        Assert.Equal("web=recorder-web --marker=written-by-compile;worker=recorder-worker", droplet.GetMetadataValue("ProcessTypes"));
        Assert.Contains(build.State.GetItems("FileWrites"), item => item.EvaluatedInclude == _project.DefaultDroplet);
    }

    [Fact]
    public void Publish_without_StageWithBuildpack_does_not_stage()
    {
        _project.Write();

        var build = _project.Build(new Dictionary<string, string> { ["Buildpack"] = Repository.FixtureBuildpack("recorder") });

        Assert.True(build.Succeeded, build.Log);
        Assert.False(build.RanTask("StageBuildpack"));
        Assert.False(File.Exists(_project.DefaultDroplet));
    }

    [Fact]
    public void The_StageBuildpackDroplet_target_stages_on_its_own_and_returns_the_droplet()
    {
        _project.Write();

        var build = _project.Build(new Dictionary<string, string> { ["Buildpack"] = Repository.FixtureBuildpack("recorder") }, "StageBuildpackDroplet");

        Assert.True(build.Succeeded, build.Log);
        var droplet = Assert.Single(build.Result.ResultsByTarget["StageBuildpackDroplet"].Items);
        Assert.Equal(_project.DefaultDroplet, droplet.ItemSpec);
        Assert.Equal(Buildpacks.Core.Droplets.DropletInspector.Sha256Of(_project.DefaultDroplet), droplet.GetMetadata("Sha256"));
    }

    [Fact]
    public void A_second_publish_skips_staging_and_leaves_the_droplet_untouched()
    {
        _project.Write();
        var first = _project.Build(_stage);
        Assert.True(first.Succeeded, first.Log);
        var bytes = File.ReadAllBytes(_project.DefaultDroplet);
        var written = File.GetLastWriteTimeUtc(_project.DefaultDroplet);

        var second = _project.Build(_stage);

        Assert.True(second.Succeeded, second.Log);
        Assert.True(second.SkippedAsUpToDate(StagingTarget), second.Log);
        Assert.False(second.RanTask("StageBuildpack"));
        Assert.Equal(bytes, File.ReadAllBytes(_project.DefaultDroplet));
        Assert.Equal(written, File.GetLastWriteTimeUtc(_project.DefaultDroplet));
        Assert.Equal(
            first.State.GetItems("GeneratedDroplet").Single().GetMetadataValue("Sha256"),
            second.State.GetItems("GeneratedDroplet").Single().GetMetadataValue("Sha256"));
    }

    [Fact]
    public void Changing_a_published_file_an_env_item_or_a_property_stages_again()
    {
        _project.Write("""<ItemGroup><BuildpackEnvironmentVariable Include="GREETING" Value="hello" /></ItemGroup>""");
        Assert.True(_project.Build(_stage).Succeeded);
        Assert.True(_project.Build(_stage).SkippedAsUpToDate(StagingTarget));

        File.WriteAllText(Path.Combine(_project.PublishDirectory, "App.dll"), "published assembly, version 2");
        var afterFileChange = _project.Build(_stage);
        Assert.True(afterFileChange.RanTask("StageBuildpack"), afterFileChange.Log);
        Assert.Equal("published assembly, version 2", DropletContents.TextOf(_project.DefaultDroplet, "./app/App.dll"));

        _project.Write("""<ItemGroup><BuildpackEnvironmentVariable Include="GREETING" Value="bye" /></ItemGroup>""");
        var afterEnvChange = _project.Build(_stage);
        Assert.True(afterEnvChange.RanTask("StageBuildpack"), afterEnvChange.Log);
        Assert.Contains("GREETING=bye\n", DropletContents.TextOf(_project.DefaultDroplet, "./app/.recorded/envdir"), StringComparison.Ordinal);

        var afterPropertyChange = _project.Build(new Dictionary<string, string>(_stage) { ["BuildpackStack"] = "cflinuxfs4" });
        Assert.True(afterPropertyChange.RanTask("StageBuildpack"), afterPropertyChange.Log);
        Assert.Contains("STACK=cflinuxfs4\n", DropletContents.TextOf(_project.DefaultDroplet, "./app/.recorded/env"), StringComparison.Ordinal);

        Assert.True(_project.Build(new Dictionary<string, string>(_stage) { ["BuildpackStack"] = "cflinuxfs4" }).SkippedAsUpToDate(StagingTarget));
    }

    [Fact]
    public void A_deleted_droplet_is_staged_again()
    {
        _project.Write();
        Assert.True(_project.Build(_stage).Succeeded);
        File.Delete(_project.DefaultDroplet);

        var build = _project.Build(_stage);

        Assert.True(build.RanTask("StageBuildpack"), build.Log);
        Assert.True(File.Exists(_project.DefaultDroplet));
    }

    [Fact]
    public void Targets_added_to_StageBuildpackDropletDependsOn_run_before_the_inputs_are_hashed()
    {
        var body = """
            <PropertyGroup>
              <StageBuildpackDropletDependsOn>$(StageBuildpackDropletDependsOn);WriteProcfile</StageBuildpackDropletDependsOn>
            </PropertyGroup>
            <Target Name="WriteProcfile">
              <WriteLinesToFile File="$(PublishDir)Procfile" Lines="web: $(WebCommand)" Overwrite="true" WriteOnlyWhenDifferent="true" />
            </Target>
            """;
        _project.Write(body);

        var first = _project.Build(new Dictionary<string, string>(_stage) { ["WebCommand"] = "dotnet App.dll" });
        var second = _project.Build(new Dictionary<string, string>(_stage) { ["WebCommand"] = "dotnet App.dll --verbose" });

        Assert.True(first.Succeeded, first.Log);
        Assert.True(second.RanTask("StageBuildpack"), second.Log);
        Assert.Equal("web=dotnet App.dll --verbose;worker=recorder-worker", second.State.GetItems("GeneratedDroplet").Single().GetMetadataValue("ProcessTypes"));
    }

    [Fact]
    public void BuildpackProcessType_items_override_the_buildpack()
    {
        _project.Write("""<ItemGroup><BuildpackProcessType Include="web" Command="dotnet App.dll" /></ItemGroup>""");

        var build = _project.Build(_stage);

        Assert.True(build.Succeeded, build.Log);
        Assert.Equal("web=dotnet App.dll;worker=recorder-worker", build.State.GetItems("GeneratedDroplet").Single().GetMetadataValue("ProcessTypes"));
    }

    [Fact]
    public void BuildpackResultPath_writes_result_json_and_a_deleted_one_stages_again()
    {
        _project.Write("""<PropertyGroup><BuildpackResultPath>out/result.json</BuildpackResultPath></PropertyGroup>""");
        var result = Path.Combine(_project.Directory, "out", "result.json");

        var first = _project.Build(_stage);
        Assert.True(first.Succeeded, first.Log);
        using (var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(result)))
        {
            Assert.Equal("recorder-worker", json.RootElement.GetProperty("process_types").GetProperty("worker").GetString());
        }

        Assert.True(_project.Build(_stage).SkippedAsUpToDate(StagingTarget));

        File.Delete(result);
        var again = _project.Build(_stage);

        Assert.True(again.RanTask("StageBuildpack"), again.Log);
        Assert.True(File.Exists(result));
    }

    [Fact]
    public void Environment_files_and_the_list_properties_reach_the_buildpack()
    {
        File.WriteAllText(Path.Combine(_project.Directory, "item.env"), "FROM_ITEM_FILE=1\nBOTH=item-file\n");
        File.WriteAllText(Path.Combine(_project.Directory, "property.env"), "FROM_PROPERTY_FILE=1\nBOTH=property-file\n");
        _project.Write("""
            <PropertyGroup>
              <BuildpackEnvironment>FROM_PROJECT=a%253Bb</BuildpackEnvironment>
            </PropertyGroup>
            <ItemGroup><BuildpackEnvironmentFile Include="item.env" /></ItemGroup>
            """);

        // The command-line forms: a list escaped as %3B, and a ';' in a value as %253B.
        var build = _project.Build(new Dictionary<string, string>(_stage)
        {
            ["BuildpackEnvironmentFile"] = "property.env",
            ["BuildpackProcessTypes"] = "web=dotnet App.dll --urls http://0.0.0.0:$PORT%3Bclock=tick%253B tock",
        });

        Assert.True(build.Succeeded, build.Log);
        Assert.Equal(
            "BOTH=property-file\nFROM_ITEM_FILE=1\nFROM_PROJECT=a;b\nFROM_PROPERTY_FILE=1\n",
            DropletContents.TextOf(_project.DefaultDroplet, "./app/.recorded/envdir"));
        Assert.Equal(
            "clock=tick; tock;web=dotnet App.dll --urls http://0.0.0.0:$PORT;worker=recorder-worker",
            build.State.GetItems("GeneratedDroplet").Single().GetMetadataValue("ProcessTypes"));
    }

    [Fact]
    public void A_list_of_buildpacks_stages_with_supply_and_finalize()
    {
        _project.Write($"""
            <PropertyGroup>
              <Buildpack>{Repository.FixtureBuildpack("supply-a")};{Repository.FixtureBuildpack("final-f")}</Buildpack>
            </PropertyGroup>
            """);

        var build = _project.Build(new Dictionary<string, string> { ["StageWithBuildpack"] = "true" });

        Assert.True(build.Succeeded, build.Log);
        var droplet = build.State.GetItems("GeneratedDroplet").Single();
        Assert.Equal("final-f", droplet.GetMetadataValue("DetectedBuildpack"));
        Assert.Equal("web=final-web;worker=worker-from-supply-a", droplet.GetMetadataValue("ProcessTypes"));
        Assert.Contains("./deps/0/bin/tool-a", DropletContents.Read(_project.DefaultDroplet).Keys);
    }

    [Fact]
    public void A_list_of_buildpacks_with_an_escaped_separator_stages_with_supply_and_finalize()
    {
        // What -p:Buildpack=a%3Bb gives (the README's command-line form, and what Cake renders for a list): the property
        // keeps its ';' escaped, so MSBuild hands the task ONE string holding the whole list.
        _project.Write();

        var build = _project.Build(new Dictionary<string, string>
        {
            ["StageWithBuildpack"] = "true",
            ["Buildpack"] = Repository.FixtureBuildpack("supply-a") + "%3B" + Repository.FixtureBuildpack("final-f"),
        });

        Assert.True(build.Succeeded, build.Log);
        var droplet = build.State.GetItems("GeneratedDroplet").Single();
        Assert.Equal("final-f", droplet.GetMetadataValue("DetectedBuildpack"));
        Assert.Contains("./deps/0/bin/tool-a", DropletContents.Read(_project.DefaultDroplet).Keys);
    }

    [Fact]
    public void Detection_runs_over_the_candidates_when_no_buildpack_is_named()
    {
        File.WriteAllText(Path.Combine(_project.PublishDirectory, "recorder.txt"), "detect me");
        _project.Write();

        var build = _project.Build(new Dictionary<string, string>
        {
            ["StageWithBuildpack"] = "true",
            ["BuildpackCandidates"] = Repository.FixtureBuildpack("never") + ";" + Repository.FixtureBuildpack("recorder"),
        });

        Assert.True(build.Succeeded, build.Log);
        Assert.Equal("Recorder", build.State.GetItems("GeneratedDroplet").Single().GetMetadataValue("DetectedBuildpack"));
    }

    [Fact]
    public void The_droplet_line_is_the_only_high_importance_message()
    {
        _project.Write();

        var build = _project.Build(_stage);

        Assert.True(build.Succeeded, build.Log);
        var high = build.Messages.Where(m => m.Importance == MessageImportance.High).Select(m => m.Message).ToList();
        Assert.Equal([$"App -> {_project.DefaultDroplet}"], high);
        Assert.Contains(build.Messages, m => m.Message == "compiling app" && m.Importance == MessageImportance.Normal);
        Assert.Contains(build.Messages, m => m.Message == "==> compile: recorder" && m.Importance == MessageImportance.Normal);
    }

    [Fact]
    public void The_droplet_and_its_obj_files_are_recorded_for_dotnet_clean_once()
    {
        _project.Write();

        Assert.True(_project.Build(_stage).Succeeded);
        Assert.True(_project.Build(_stage).Succeeded);

        var recorded = File.ReadAllLines(_project.CleanFile);
        Assert.Single(recorded, line => line == _project.DefaultDroplet);
        Assert.Single(recorded, line => line.EndsWith("App.buildpack.inputs", StringComparison.Ordinal));
        Assert.Single(recorded, line => line.EndsWith("App.buildpack.droplet.json", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failing_buildpack_fails_the_build_with_an_error_on_its_script()
    {
        File.WriteAllText(Path.Combine(_project.PublishDirectory, "fail-compile"), "");
        _project.Write();

        var build = _project.Build(_stage);

        Assert.False(build.Succeeded);
        var error = Assert.Single(build.Errors);
        Assert.Equal("BPK1021", error.Code);
        Assert.Equal(Path.Combine(Repository.FixtureBuildpack("recorder"), "bin", "compile"), error.File);
        Assert.Equal(1, error.LineNumber);
        Assert.Equal(_project.ProjectFile, error.ProjectFile);
        Assert.False(File.Exists(_project.DefaultDroplet));
    }

    [Fact]
    public void Settings_errors_name_the_project_not_the_package_targets()
    {
        _project.Write();

        var build = _project.Build(new Dictionary<string, string>(_stage) { ["BuildpackLayout"] = "docker" });

        var error = Assert.Single(build.Errors);
        Assert.Equal("BPK1081", error.Code);
        Assert.StartsWith("BuildpackLayout 'docker'", error.Message, StringComparison.Ordinal);
        Assert.Equal(_project.ProjectFile, error.File);
    }

    [Theory]
    [InlineData("Full", "17.14.8.25101", "BPK3001")]
    [InlineData("Core", "17.11.4.40609", "BPK3002")]
    [InlineData("Full", "18.0.5.1", null)]
    [InlineData("Core", "18.9.11.1", null)]
    public void Hosts_that_cannot_load_the_tasks_stop_with_a_code(string runtime, string version, string? code)
    {
        _project.Write();

        var build = _project.Build(new Dictionary<string, string>(_stage) { ["_BuildpackHostRuntime"] = runtime, ["_BuildpackHostVersion"] = version });

        if (code is null)
        {
            Assert.True(build.Succeeded, build.Log);
            return;
        }

        var error = Assert.Single(build.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(_project.ProjectFile, error.File);
        Assert.Contains(code == "BPK3001" ? "dotnet publish" : ".NET 10 SDK", error.Message, StringComparison.Ordinal);
        Assert.False(build.RanTask("ComputeBuildpackInputs"));
    }
}
