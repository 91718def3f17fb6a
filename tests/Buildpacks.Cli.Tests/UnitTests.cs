using Buildpacks.Cli.Reporting;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Cli.Tests;

public sealed class UnitTests
{
    [Fact]
    public void GitHub_annotations_escape_newlines_percent_colons_and_commas()
    {
        var output = new StringWriter();
        var reporter = new GitHubActionsReporter(output, TextWriter.Null, null);

        reporter.Error("BPK1020", "line one\nline 100%", "/a,b:c/bin/detect");

        Assert.Equal("::error file=/a%2Cb%3Ac/bin/detect,title=BPK1020::BPK1020: line one%0Aline 100%25\n", output.ToString());
    }

    [Fact]
    public void Azure_issues_escape_semicolons_brackets_and_newlines()
    {
        var output = new StringWriter();
        var reporter = new AzurePipelinesReporter(output, TextWriter.Null);

        reporter.Warning(new BuildpackDiagnostic("BPK2001", "a;b]\nc", "/x;y"));

        Assert.Equal("##vso[task.logissue type=warning;code=BPK2001;sourcepath=/x%3By]BPK2001: a%3Bb%5D%0Ac\n", output.ToString());
    }

    [Theory]
    [InlineData("auto", null, null, typeof(PlainReporter))]
    [InlineData("auto", "true", null, typeof(GitHubActionsReporter))]
    [InlineData("auto", null, "True", typeof(AzurePipelinesReporter))]
    [InlineData("plain", "true", null, typeof(PlainReporter))]
    [InlineData("azure", null, null, typeof(AzurePipelinesReporter))]
    public void The_log_format_follows_the_option_then_the_environment(string format, string? github, string? azure, Type expected)
    {
        var variables = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = github, ["TF_BUILD"] = azure };

        var reporter = ReporterFactory.Create(format, TextWriter.Null, TextWriter.Null, name => variables.GetValueOrDefault(name));

        Assert.IsType(expected, reporter);
    }
}
