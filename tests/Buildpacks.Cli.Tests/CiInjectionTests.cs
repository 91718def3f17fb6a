using Buildpacks.Cli.Tests.Support;
using Buildpacks.Core.Droplets;
using Buildpacks.Core.Tests.Ci.Runners;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Cli.Tests;

/// <summary>
/// The real tool staging with a buildpack that prints every command form of both CI systems (tests/fixtures/
/// buildpacks/injector), read back as the runner would read the step's output: only the tool's own commands act.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class CiInjectionTests : IDisposable
{
    private const string Token = "tok-123456";
    private const string Marked = "lic-secret-9";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task On_GitHub_Actions_no_injected_command_survives_secrets_are_masked_first_and_the_files_are_filled()
    {
        var outputs = _temp.Combine("github-output");
        var summary = _temp.Combine("step-summary");
        var droplet = _temp.Combine("out", "EOF\nEOF\napp.droplet.tgz");

        var run = await StageAsync(droplet, new() { ["GITHUB_ACTIONS"] = "true", ["GITHUB_OUTPUT"] = outputs, ["GITHUB_STEP_SUMMARY"] = summary });

        Assert.True(run.ExitCode == 0, CliProcess.Describe(run));
        var runner = GitHubRunnerModel.Read(run.Output + run.Error);
        var names = runner.Commands.Select(c => c.Name).ToList();
        Assert.Equal(["add-mask", "add-mask"], names.Take(2));
        Assert.Equal([Marked, Token], runner.Masks.Order(StringComparer.Ordinal));
        var stopTokens = runner.Commands.Where(c => c.Name == "stop-commands").Select(c => c.Data).Distinct().ToList();
        var stopToken = Assert.Single(stopTokens);
        Assert.Matches("^[0-9a-f]{32}$", stopToken);
        Assert.All(names.Skip(2), name => Assert.Contains(name, new[] { "group", "endgroup", "stop-commands", stopToken }));
        Assert.Equal(names.Count(n => n == "stop-commands"), names.Count(n => n == stopToken));
        Assert.Equal(stopToken, names.Last(n => n is "stop-commands" || n == stopToken));

        Assert.Contains("       ::set-output name=injected::yes", runner.Printed);
        Assert.Contains("       the token is ***", runner.Printed);
        Assert.Contains("       the marked value is ***", runner.Printed);
        Assert.DoesNotContain(runner.Printed, line => line.Contains(Token, StringComparison.Ordinal) || line.Contains(Marked, StringComparison.Ordinal));

        Assert.Equal([("droplet", droplet), ("sha256", DropletInspector.Sha256Of(droplet))], GitHubOutputFile.Read(File.ReadAllText(outputs)));
        var markdown = File.ReadAllText(summary);
        Assert.Contains($"| sha256 | `{DropletInspector.Sha256Of(droplet)}` |", markdown, StringComparison.Ordinal);
        Assert.Contains("| web | echo \\#\\#vso\\[task.setvariable variable=injected\\]web \\#\\#\\[set-output name=injected;\\]web |", markdown, StringComparison.Ordinal);
        Assert.Contains("| compile | injector |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_Azure_Pipelines_no_injected_command_survives_secrets_are_registered_first_and_the_summary_is_uploaded()
    {
        var agentTemp = _temp.Combine("agent-temp");
        Directory.CreateDirectory(agentTemp);
        var droplet = _temp.Combine("out", "app.droplet.tgz");

        var run = await StageAsync(droplet, new() { ["TF_BUILD"] = "True", ["AGENT_TEMPDIRECTORY"] = agentTemp });

        Assert.True(run.ExitCode == 0, CliProcess.Describe(run));
        var agent = AzureAgentModel.Read(run.Output + run.Error);
        Assert.Equal(
            ["task.setsecret", "task.setsecret", "task.setvariable", "task.setvariable", "task.uploadsummary"],
            agent.Commands.Select(c => c.Name));
        Assert.Equal([Marked, Token], agent.Secrets.Order(StringComparer.Ordinal));
        Assert.Equal(["droplet", "sha256"], agent.Commands.Where(c => c.Name == "task.setvariable").Select(c => c.Properties["variable"]));
        Assert.Equal(droplet, agent.Commands[2].Data);
        Assert.Equal(DropletInspector.Sha256Of(droplet), agent.Commands[3].Data);
        Assert.All(agent.Formatting, header => Assert.Contains(header, new[] { "##[group]", "##[endgroup]" }));
        Assert.Contains("##[group]compile (injector)", agent.Printed);

        Assert.Contains("       # #vso[task.setvariable variable=injected]yes", agent.Printed);
        Assert.Contains("       the token is ***", agent.Printed);
        Assert.Contains("       the marked value is ***", agent.Printed);
        Assert.DoesNotContain(agent.Printed, line => line.Contains(Token, StringComparison.Ordinal) || line.Contains(Marked, StringComparison.Ordinal));

        var summary = agent.Commands[4].Data;
        Assert.StartsWith(agentTemp, summary, StringComparison.Ordinal);
        Assert.Contains($"| sha256 | `{DropletInspector.Sha256Of(droplet)}` |", File.ReadAllText(summary), StringComparison.Ordinal);
    }

    private async Task<CliRun> StageAsync(string droplet, Dictionary<string, string?> environment)
    {
        var app = _temp.CreateApp("app", ("injector.txt", "x"));
        return await CliProcess.RunAsync(
            [
                "stage", app, "--candidate", Repository.FixtureBuildpack("injector"), "--output", droplet,
                "--env", "API_TOKEN=" + Token, "--env", "LICENSE_BLOB=" + Marked, "--secret-env", "LICENSE_BLOB",
            ],
            environment);
    }
}
