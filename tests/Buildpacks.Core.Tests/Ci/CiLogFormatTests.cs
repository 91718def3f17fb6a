using Buildpacks.Core.Ci;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Tests.Ci;

public sealed class CiLogFormatTests
{
    [Theory]
    [InlineData(null, null, CiSystem.None)]
    [InlineData("true", null, CiSystem.GitHubActions)]
    [InlineData("True", null, CiSystem.GitHubActions)]
    [InlineData(null, "True", CiSystem.AzurePipelines)]
    [InlineData(null, "true", CiSystem.AzurePipelines)]
    [InlineData("false", "False", CiSystem.None)]
    [InlineData("1", null, CiSystem.None)]
    [InlineData("true", "True", CiSystem.GitHubActions)]
    public void Detection_reads_GITHUB_ACTIONS_then_TF_BUILD(string? github, string? azure, object expected)
    {
        var variables = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = github, ["TF_BUILD"] = azure };

        Assert.Equal((CiSystem)expected, CiLogFormat.Detect(name => variables.GetValueOrDefault(name)));
    }

    [Theory]
    [InlineData("auto", CiSystem.AzurePipelines)]
    [InlineData(null, CiSystem.AzurePipelines)]
    [InlineData("", CiSystem.AzurePipelines)]
    [InlineData("plain", CiSystem.None)]
    [InlineData("github", CiSystem.GitHubActions)]
    [InlineData("azure", CiSystem.AzurePipelines)]
    public void An_explicit_name_wins_over_the_environment_and_auto_detects(string? name, object expected)
    {
        Assert.Equal((CiSystem)expected, CiLogFormat.Resolve(name, variable => variable == "TF_BUILD" ? "True" : null));
    }

    [Theory]
    [InlineData("GitHub")]
    [InlineData("json")]
    [InlineData(" plain")]
    public void An_unknown_name_is_a_coded_error_listing_the_names(string name)
    {
        var error = Assert.Throws<BuildpackException>(() => CiLogFormat.Parse(name));

        Assert.Equal(ErrorCodes.UnknownLogFormat, error.Code);
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("auto, plain, github, azure", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_name_parses()
    {
        Assert.All(CiLogFormat.Names, name => CiLogFormat.Parse(name));
    }

    [Theory]
    [InlineData(CiSystem.None, typeof(PlainReporter))]
    [InlineData(CiSystem.GitHubActions, typeof(GitHubActionsReporter))]
    [InlineData(CiSystem.AzurePipelines, typeof(AzurePipelinesReporter))]
    public void Each_system_has_its_reporter(object system, Type expected)
    {
        Assert.IsType(expected, CiReporterFactory.Create((CiSystem)system, TextWriter.Null, TextWriter.Null, _ => null));
    }
}
