using Buildpacks.Core.Droplets;
using Buildpacks.Core.Tests.Ci.Runners;
using Buildpacks.Core.Tests.Support;
using Cake.Buildpacks.Tests.Support;

namespace Cake.Buildpacks.Tests.EndToEnd;

/// <summary>A real <c>dotnet cake</c> run on what looks like a GitHub Actions runner, colours on, as Cake has them there.</summary>
[Trait("Category", "EndToEnd")]
[Collection(CakeRunnerCollection.Name)]
public sealed class CakeCiScriptTests(AddinFeed feed) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void On_GitHub_Actions_the_runner_reads_only_the_addin_s_commands_uncoloured()
    {
        _temp.CreateApp("app", ("injector.txt", "x"));
        var outputs = _temp.Combine("github-output");
        var summary = _temp.Combine("step-summary");
        var script = _temp.Combine("build.cake");
        File.WriteAllText(script, $$"""
            {{feed.AddinDirective}}

            var result = BuildpackStage("app", new BuildpackStageSettings()
                .WithCandidate("{{Repository.FixtureBuildpack("injector")}}")
                .WithEnvironmentVariable("API_TOKEN", "tok-123456")
                .SetDropletPath("out/app.droplet.tgz"));
            Information("STAGED {0}", result.Sha256);
            """);

        var run = feed.RunCake(script, environment: new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true", ["GITHUB_OUTPUT"] = outputs, ["GITHUB_STEP_SUMMARY"] = summary, ["NO_COLOR"] = null,
        });

        Assert.True(run.ExitCode == 0, run.Output);
        var runner = GitHubRunnerModel.Read(run.Output);
        Assert.Equal(["tok-123456"], runner.Masks);
        Assert.Contains(runner.Commands, c => c.Name == "group" && c.Data == "compile (injector)");
        Assert.DoesNotContain(runner.Commands, c => c.Name is "set-output" or "error" or "warning" or "notice" or "add-path");
        Assert.Contains("       the token is ***", runner.Printed);
        var droplet = _temp.Combine("out", "app.droplet.tgz");
        Assert.Equal([("droplet", droplet), ("sha256", DropletInspector.Sha256Of(droplet))], GitHubOutputFile.Read(File.ReadAllText(outputs)));
        Assert.Contains("| compile | injector |", File.ReadAllText(summary), StringComparison.Ordinal);

        // Cake colours its own log lines here, which is why the addin writes the runner's commands to the console itself.
        Assert.Contains(run.Lines, line => line.Contains("STAGED", StringComparison.Ordinal) && line.Contains(DropletInspector.Sha256Of(droplet), StringComparison.Ordinal) && line.Contains('\e', StringComparison.Ordinal));
    }
}
