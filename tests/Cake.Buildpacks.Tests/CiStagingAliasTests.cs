using Buildpacks.Core;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Staging;
using Buildpacks.Core.Tests.Ci.Runners;
using Buildpacks.Core.Tests.Support;
using Cake.Buildpacks.Tests.Support;
using Cake.Core;

namespace Cake.Buildpacks.Tests;

/// <summary>On a CI runner the stage alias speaks the runner's language through the engine's reporters.</summary>
public sealed class CiStagingAliasTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeCakeContext _context;

    public CiStagingAliasTests() => _context = new FakeCakeContext(_temp.Path);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void On_GitHub_Actions_the_staging_masks_groups_pauses_commands_and_fills_the_outputs()
    {
        var outputs = _temp.Combine("github-output");
        _context.FakeEnvironment.Variables["GITHUB_ACTIONS"] = "true";
        _context.FakeEnvironment.Variables["GITHUB_OUTPUT"] = outputs;
        using var console = new StringWriter { NewLine = "\n" };

        var result = CakeCiStaging.Stage(_context, BuildpackEngine.Default, Request(), console);

        var runner = GitHubRunnerModel.Read(console.ToString());
        Assert.Equal(["tok-123456"], runner.Masks);
        Assert.Equal("add-mask", runner.Commands[0].Name);
        Assert.Contains(runner.Commands, c => c.Name == "group" && c.Data == "compile (injector)");
        Assert.DoesNotContain(runner.Commands, c => c.Name is "set-output" or "error" or "warning" or "notice");
        Assert.Contains("       the token is ***", runner.Printed);
        Assert.Equal([("droplet", result.DropletPath), ("sha256", result.Sha256)], GitHubOutputFile.Read(File.ReadAllText(outputs)));
        Assert.Empty(_context.FakeLog.Lines);
    }

    [Fact]
    public void Variables_the_settings_mark_secret_are_masked_too_and_an_unknown_name_is_BPK1121()
    {
        _context.FakeEnvironment.Variables["GITHUB_ACTIONS"] = "true";
        var settings = new BuildpackStageSettings().WithSecretVariable("PLAIN_SETTING");
        var request = Request() with { Environment = new Dictionary<string, string> { ["PLAIN_SETTING"] = "plain-98765" } };
        using var console = new StringWriter { NewLine = "\n" };

        CakeCiStaging.Stage(_context, BuildpackEngine.Default, request, console, settings.SecretVariables);
        var unknown = Assert.Throws<CakeException>(() => CakeCiStaging.Stage(_context, BuildpackEngine.Default, Request(), new StringWriter(), ["NOT_SET"]));

        Assert.Equal(["plain-98765"], GitHubRunnerModel.Read(console.ToString()).Masks);
        Assert.StartsWith(ErrorCodes.UnknownSecretVariable, unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void On_Azure_Pipelines_the_staging_registers_secrets_and_neutralises_buildpack_output()
    {
        _context.FakeEnvironment.Variables["TF_BUILD"] = "True";
        _context.FakeEnvironment.Variables["AGENT_TEMPDIRECTORY"] = _temp.Path;
        using var console = new StringWriter { NewLine = "\n" };

        CakeCiStaging.Stage(_context, BuildpackEngine.Default, Request(), console);

        var agent = AzureAgentModel.Read(console.ToString());
        Assert.Equal(["task.setsecret", "task.setvariable", "task.setvariable", "task.uploadsummary"], agent.Commands.Select(c => c.Name));
        Assert.Contains("       the token is ***", agent.Printed);
    }

    [Fact]
    public void A_failure_on_a_runner_is_annotated_and_still_a_CakeException_with_the_code()
    {
        _context.FakeEnvironment.Variables["GITHUB_ACTIONS"] = "true";
        var app = _temp.CreateApp("bad", ("recorder.txt", "x"), ("fail-compile", ""));
        using var console = new StringWriter { NewLine = "\n" };
        var request = new StagingRequest { AppDirectory = app, OutputPath = _temp.Combine("bad.tgz"), Buildpacks = [Repository.FixtureBuildpack("recorder")] };

        var error = Assert.Throws<CakeException>(() => CakeCiStaging.Stage(_context, BuildpackEngine.Default, request, console));

        Assert.StartsWith(ErrorCodes.CompileFailed, error.Message, StringComparison.Ordinal);
        var annotation = Assert.Single(GitHubRunnerModel.Read(console.ToString()).Commands, c => c.Name == "error");
        Assert.Equal(ErrorCodes.CompileFailed, annotation.Properties["title"]);
        Assert.Equal(Repository.FixtureBuildpack("recorder") + "/bin/compile", annotation.Properties["file"]);
    }

    [Fact]
    public void Off_a_runner_the_staging_goes_to_Cake_s_log_and_nothing_to_the_console()
    {
        using var console = new StringWriter();

        CakeCiStaging.Stage(_context, BuildpackEngine.Default, Request(), console);

        Assert.Equal("", console.ToString());
        Assert.Contains("       ::set-output name=injected::yes", _context.FakeLog.Lines);
    }

    private StagingRequest Request() => new()
    {
        AppDirectory = _temp.CreateApp("app-" + Guid.NewGuid().ToString("N")[..6], ("injector.txt", "x")),
        OutputPath = _temp.Combine("out", Guid.NewGuid().ToString("N")[..6] + ".tgz"),
        Candidates = [Repository.FixtureBuildpack("injector")],
        Environment = new Dictionary<string, string> { ["API_TOKEN"] = "tok-123456" },
    };
}
