using Buildpacks.Cli.Tests.Support;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Cli.Tests;

/// <summary>
/// The CLI as CI pipelines get it: packed as a dotnet tool and taken from a local folder feed in each way .NET
/// offers (a tool path, a global tool, a local tool manifest, and .NET 10's <c>dotnet tool exec</c> and <c>dnx</c>),
/// then run by its command name to stage.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ToolPackageTests(PackedTool tool) : IClassFixture<PackedTool>, IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_packed_tool_installs_into_a_tool_path_and_runs_as_buildpacks()
    {
        var tools = _temp.Combine("tools");
        PackedTool.Run("dotnet", ["tool", "install", "--tool-path", tools, "--add-source", tool.Feed, PackedTool.PackageId, "--version", PackedTool.Version], _temp.Path, Environment());

        AssertStages(Path.Combine(tools, "buildpacks"), []);
    }

    [Fact]
    public void The_packed_tool_installs_as_a_global_tool()
    {
        PackedTool.Run("dotnet", ["tool", "install", "--global", "--add-source", tool.Feed, PackedTool.PackageId, "--version", PackedTool.Version], _temp.Path, Environment());

        AssertStages(_temp.Combine("home", ".dotnet", "tools", "buildpacks"), []);
    }

    [Fact]
    public void The_packed_tool_installs_as_a_local_tool_of_a_manifest()
    {
        var repository = Directory.CreateDirectory(_temp.Combine("repo")).FullName;
        PackedTool.Run("dotnet", ["new", "tool-manifest"], repository, Environment());
        PackedTool.Run("dotnet", ["tool", "install", "--local", "--add-source", tool.Feed, PackedTool.PackageId, "--version", PackedTool.Version], repository, Environment());

        Assert.Contains("\"buildpacks.cli\"", File.ReadAllText(Directory.GetFiles(repository, "dotnet-tools.json", SearchOption.AllDirectories).Single()), StringComparison.Ordinal);
        AssertStages("dotnet", ["buildpacks"], repository);
    }

    [Fact]
    public void The_packed_tool_runs_from_the_feed_with_dotnet_tool_exec()
    {
        AssertStages("dotnet", ["tool", "exec", $"{PackedTool.PackageId}@{PackedTool.Version}", "--source", tool.Feed, "--"]);
    }

    [Fact]
    public void The_packed_tool_runs_from_the_feed_with_dnx()
    {
        AssertStages(Path.Combine(PackedTool.DotNetRoot, "dnx"), [$"{PackedTool.PackageId}@{PackedTool.Version}", "--source", tool.Feed, "--"]);
    }

    // Each test has its own NuGet cache and CLI home, so no test sees a tool another one installed.
    private Dictionary<string, string> Environment() => new()
    {
        ["NUGET_PACKAGES"] = _temp.Combine("packages"),
        ["DOTNET_CLI_HOME"] = _temp.Combine("home"),
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };

    private void AssertStages(string program, string[] prefix, string? workingDirectory = null)
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var droplet = _temp.Combine("app.tgz");

        var output = PackedTool.Run(program, [.. prefix, "stage", app, "--buildpack", Repository.FixtureBuildpack("recorder"), "--output", droplet], workingDirectory ?? _temp.Path, Environment());

        Assert.Contains($"Droplet: {droplet}", output, StringComparison.Ordinal);
        Assert.True(File.Exists(droplet));
    }
}
