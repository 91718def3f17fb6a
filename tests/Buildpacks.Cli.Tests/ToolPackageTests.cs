using System.Diagnostics;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Cli.Tests;

/// <summary>The CLI as CI pipelines get it: packed as a dotnet tool, installed from a feed, run by its command name.</summary>
[Trait("Category", "EndToEnd")]
public sealed class ToolPackageTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_packed_tool_installs_and_runs_as_buildpacks()
    {
        var feed = _temp.Combine("feed");
        var tools = _temp.Combine("tools");
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = _temp.Combine("packages") };
        Run("dotnet", ["pack", Path.Combine(Repository.Root, "src", "Buildpacks.Cli", "Buildpacks.Cli.csproj"), "-c", "Release", "-o", feed, "--artifacts-path", _temp.Combine("artifacts")], environment);
        Run("dotnet", ["tool", "install", "--tool-path", tools, "--add-source", feed, "Buildpacks.Cli", "--version", "0.1.0"], environment);
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var droplet = _temp.Combine("app.tgz");

        var output = Run(Path.Combine(tools, "buildpacks"), ["stage", app, "--buildpack", Repository.FixtureBuildpack("recorder"), "--output", droplet], environment);

        Assert.Contains($"Droplet: {droplet}", output, StringComparison.Ordinal);
        Assert.True(File.Exists(droplet));
    }

    private static string Run(string program, IEnumerable<string> arguments, IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        ChildBuildEnvironment.RemoveMSBuildVariables(start);

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}):\n{output}\n{error.Result}");
        return output;
    }
}
