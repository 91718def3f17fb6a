using Buildpacks.Core.Ci;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Tests.Ci.Runners;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Ci;

public sealed class AzurePipelinesReporterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Phases_are_groups_diagnostics_are_logged_issues_and_both_streams_go_to_stdout()
    {
        var (output, error) = ReporterTranscript.Tell((o, e) => Reporter(o, e));

        Assert.Equal(
            $"""
            ##[group]supply (node)
                   installing node
                   npm notice
            supply (node) took 1.2s
            ##[endgroup]
            ##[group]pack
            pack took 0.1s
            ##[endgroup]
            -----> Droplet written
            ##vso[task.logissue type=warning;code=BPK2001;sourcepath=/app/Procfile]BPK2001: no web process
            ##vso[task.logissue type=error;code=BPK1022;sourcepath={ReporterTranscript.Script}]BPK1022: bin/supply failed

            """.ReplaceLineEndings("\n"),
            output);
        Assert.Equal("", error);
    }

    [Fact]
    public void Issues_escape_semicolons_brackets_and_newlines()
    {
        using var output = new StringWriter { NewLine = "\n" };

        Reporter(output).Warning(new BuildpackDiagnostic("BPK2001", "a;b]\nc", "/x;y"));

        Assert.Equal("##vso[task.logissue type=warning;code=BPK2001;sourcepath=/x%3By]BPK2001: a%3Bb%5D%0Ac\n", output.ToString());
    }

    [Fact]
    public void Outputs_are_output_variables_with_escaped_values()
    {
        using var output = new StringWriter { NewLine = "\n" };

        Reporter(output).SetOutput("droplet", "/out/a;b%.tgz");

        Assert.Equal("##vso[task.setvariable variable=droplet;isOutput=true]/out/a%3Bb%AZP25.tgz\n", output.ToString());
    }

    [Fact]
    public void Buildpack_lines_cannot_issue_commands_and_a_carriage_return_starts_a_line_as_the_agent_reads_it()
    {
        using var output = new StringWriter { NewLine = "\n" };
        var reporter = Reporter(output);

        reporter.Output("##vso[task.setvariable variable=x]y", false);
        reporter.Output("text ##VSO[task.complete result=Failed]", true);
        reporter.Output("50%\r##[error]fake\r", false);
        reporter.Output("######## 100%", false);

        Assert.Equal(
            """
                   # #vso[task.setvariable variable=x]y
                   text # #VSO[task.complete result=Failed]
                   50%
                   # #[error]fake
                   ######## 100%

            """.ReplaceLineEndings("\n"),
            output.ToString());
        var agent = AzureAgentModel.Read(output.ToString());
        Assert.Empty(agent.Commands);
        Assert.Empty(agent.Formatting);
    }

    [Fact]
    public void Secrets_are_registered_escaped()
    {
        using var output = new StringWriter { NewLine = "\n" };

        Reporter(output).AddSecrets(["a;b]%c"]);

        Assert.Equal("##vso[task.setsecret]a%3Bb%5D%AZP25c\n", output.ToString());
        Assert.Equal(["a;b]%c"], AzureAgentModel.Read(output.ToString()).Secrets);
    }

    [Fact]
    public void Staged_prints_the_result_sets_outputs_and_uploads_the_summary_written_under_the_agent_temp_directory()
    {
        using var output = new StringWriter { NewLine = "\n" };
        var result = SampleResult.Create(web: "run ##vso[task.setvariable variable=web]x");

        Reporter(output).Staged(result);

        var agent = AzureAgentModel.Read(output.ToString());
        Assert.Equal(["task.setvariable", "task.setvariable", "task.uploadsummary"], agent.Commands.Select(c => c.Name));
        Assert.Equal(["droplet", "sha256"], agent.Commands.Take(2).Select(c => c.Properties["variable"]));
        var summary = agent.Commands[2].Data;
        Assert.StartsWith(_temp.Path + "/buildpacks-", summary, StringComparison.Ordinal);
        Assert.EndsWith("/Buildpack staging.md", summary, StringComparison.Ordinal);
        Assert.Equal(StagingSummary.ToMarkdown(result), File.ReadAllText(summary));
        Assert.Contains("  process web: run # #vso[task.setvariable variable=web]x", agent.Printed);
    }

    private AzurePipelinesReporter Reporter(TextWriter output, TextWriter? error = null) =>
        AzurePipelinesReporter.Create(output, error ?? TextWriter.Null, name => name == "AGENT_TEMPDIRECTORY" ? _temp.Path : null);
}
