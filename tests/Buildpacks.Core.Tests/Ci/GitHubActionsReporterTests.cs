using Buildpacks.Core.Ci;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Tests.Ci.Runners;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Ci;

public sealed class GitHubActionsReporterTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private int _tokens;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Phases_are_groups_and_buildpack_output_of_both_streams_runs_with_commands_stopped()
    {
        var (output, error) = ReporterTranscript.Tell((o, e) => Reporter(o, e));

        Assert.Equal(
            $"""
            ::group::supply (node)
            ::stop-commands::token1
                   installing node
                   npm notice
            ::token1::
            supply (node) took 1.2s
            ::endgroup::
            ::group::pack
            pack took 0.1s
            ::endgroup::
            -----> Droplet written
            ::warning file=/app/Procfile,title=BPK2001::BPK2001: no web process
            ::error file={ReporterTranscript.Script},title=BPK1022::BPK1022: bin/supply failed

            """.ReplaceLineEndings("\n"),
            output);
        Assert.Equal("", error);
    }

    [Fact]
    public void Annotations_escape_newlines_percent_colons_and_commas()
    {
        using var output = new StringWriter { NewLine = "\n" };

        Reporter(output).Error("BPK1020", "line one\nline 100%", "/a,b:c/bin/detect");

        Assert.Equal("::error file=/a%2Cb%3Ac/bin/detect,title=BPK1020::BPK1020: line one%0Aline 100%25\n", output.ToString());
    }

    [Fact]
    public void Group_titles_escape_percent_and_flatten_line_breaks()
    {
        using var output = new StringWriter { NewLine = "\n" };

        Reporter(output).BeginGroup("50%\n::error::rest");

        Assert.Equal("::group::50%25 ::error::rest\n", output.ToString());
    }

    [Fact]
    public void Engine_text_holding_a_buildpack_name_cannot_issue_the_older_command_form()
    {
        using var output = new StringWriter { NewLine = "\n" };

        Reporter(output).Info("Detected buildpack: x ##[set-output name=a;]b\n::add-mask::c");

        Assert.Equal("-----> Detected buildpack: x # #[set-output name=a;]b ::add-mask::c\n", output.ToString());
        Assert.Empty(GitHubRunnerModel.Read(output.ToString()).Commands);
    }

    [Fact]
    public void Secrets_are_masks_with_escaped_data()
    {
        using var output = new StringWriter { NewLine = "\n" };

        Reporter(output).AddSecrets(["s3cr%t", "two\nlines"]);

        Assert.Equal("::add-mask::s3cr%25t\n::add-mask::two%0Alines\n", output.ToString());
        Assert.Equal(["s3cr%t", "two\nlines"], GitHubRunnerModel.Read(output.ToString()).Masks);
    }

    [Fact]
    public void Outputs_use_the_heredoc_form_so_the_naive_delimiter_and_line_breaks_survive()
    {
        var file = _temp.Combine("github-output");
        File.WriteAllText(file, "earlier=step\n");
        var reporter = Reporter(TextWriter.Null, variables: new() { ["GITHUB_OUTPUT"] = file });
        const string value = "/out/EOF\nEOF\n\nname=x\n";

        reporter.SetOutput("droplet", value);
        reporter.SetOutput("sha256", "abc");

        Assert.Equal(
            "earlier=step\ndroplet<<ghadelimiter_token1\n/out/EOF\nEOF\n\nname=x\n\nghadelimiter_token1\nsha256<<ghadelimiter_token2\nabc\nghadelimiter_token2\n",
            File.ReadAllText(file));
        Assert.Equal([("earlier", "step"), ("droplet", value), ("sha256", "abc")], GitHubOutputFile.Read(File.ReadAllText(file)));
    }

    [Fact]
    public void A_delimiter_found_in_the_value_is_replaced_by_a_fresh_one()
    {
        var file = _temp.Combine("github-output");
        var reporter = Reporter(TextWriter.Null, variables: new() { ["GITHUB_OUTPUT"] = file });

        reporter.SetOutput("droplet", "a\nghadelimiter_token1\nb");

        Assert.Equal("droplet<<ghadelimiter_token2\na\nghadelimiter_token1\nb\nghadelimiter_token2\n", File.ReadAllText(file));
        Assert.Equal([("droplet", "a\nghadelimiter_token1\nb")], GitHubOutputFile.Read(File.ReadAllText(file)));
    }

    [Fact]
    public void Without_GITHUB_OUTPUT_outputs_are_dropped()
    {
        using var output = new StringWriter();
        var reporter = CiReporterFactory.Create(CiSystem.GitHubActions, output, output, _ => null);

        reporter.SetOutput("droplet", "/out/app.tgz");

        Assert.Equal("", output.ToString());
        Assert.Empty(Directory.GetFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void Staged_prints_the_result_resumes_commands_and_fills_outputs_and_the_step_summary()
    {
        var outputs = _temp.Combine("out");
        var summary = _temp.Combine("summary");
        File.WriteAllText(summary, "# earlier step\n");
        using var output = new StringWriter { NewLine = "\n" };
        var reporter = Reporter(output, variables: new() { ["GITHUB_OUTPUT"] = outputs, ["GITHUB_STEP_SUMMARY"] = summary });
        reporter.PhaseStarted(StagingPhase.Pack, "");
        reporter.Output("still running", false);
        var result = SampleResult.Create();

        reporter.Staged(result);

        Assert.Equal(
            """
            ::group::pack
            ::stop-commands::token1
                   still running
            ::token1::
            Droplet: /out/app.droplet.tgz
              sha256:    ab12
              size:      1234567 bytes
              layout:    cf
              buildpack: dotnet
              process web: dotnet HelloWeb.dll | tee log
              process worker: run_worker

            """.ReplaceLineEndings("\n"),
            output.ToString());
        Assert.Equal("# earlier step\n" + StagingSummary.ToMarkdown(result), File.ReadAllText(summary));
        Assert.Equal([("droplet", "/out/app.droplet.tgz"), ("sha256", "ab12")], GitHubOutputFile.Read(File.ReadAllText(outputs)));
    }

    [Fact]
    public void Output_after_the_end_is_paused_and_resumed_line_by_line()
    {
        using var output = new StringWriter { NewLine = "\n" };
        var reporter = Reporter(output);
        reporter.Error("BPK1021", "failed", null);

        reporter.Output("::error::late daemon line", true);

        Assert.Equal("::error title=BPK1021::BPK1021: failed\n::stop-commands::token1\n       ::error::late daemon line\n::token1::\n", output.ToString());
        Assert.Equal(["error", "stop-commands", "token1"], GitHubRunnerModel.Read(output.ToString()).Commands.Select(c => c.Name));
    }

    [Fact]
    public void An_unwritable_output_file_is_a_coded_error_naming_it()
    {
        var file = _temp.Combine("missing-dir", "github-output");
        var reporter = Reporter(TextWriter.Null, variables: new() { ["GITHUB_OUTPUT"] = file });

        var error = Assert.Throws<BuildpackException>(() => reporter.SetOutput("droplet", "x"));

        Assert.Equal(ErrorCodes.CiFileNotWritable, error.Code);
        Assert.Equal(file, error.File);
        Assert.Contains("$GITHUB_OUTPUT", error.Message, StringComparison.Ordinal);
    }

    private ICiReporter Reporter(TextWriter output, TextWriter? error = null, Dictionary<string, string?>? variables = null) =>
        GitHubActionsReporter.Create(output, error ?? TextWriter.Null, name => variables?.GetValueOrDefault(name), () => "token" + ++_tokens);
}
