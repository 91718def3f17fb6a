using Buildpacks.Core.Ci;

namespace Buildpacks.Core.Tests.Ci;

public sealed class PlainReporterTests
{
    [Fact]
    public void Phases_are_arrow_headers_and_diagnostics_go_to_the_error_stream_in_MSBuild_form()
    {
        var (output, error) = ReporterTranscript.Tell((o, e) => new PlainReporter(o, e));

        Assert.Equal(
            """
            -----> supply (node)
                   installing node
            -----> supply (node) took 1.2s
            -----> pack
            -----> pack took 0.1s
            -----> Droplet written

            """.ReplaceLineEndings("\n"),
            output);
        Assert.Equal(
            $"""
                   npm notice
            /app/Procfile: warning BPK2001: no web process
            {ReporterTranscript.Script}: error BPK1022: bin/supply failed

            """.ReplaceLineEndings("\n"),
            error);
    }

    [Fact]
    public void On_a_terminal_headers_are_bold_warnings_yellow_errors_red_and_buildpack_lines_untouched()
    {
        var (output, error) = ReporterTranscript.Tell((o, e) => new PlainReporter(o, e, colourOutput: true, colourError: true));

        Assert.StartsWith("\e[1m-----> supply (node)\e[0m\n       installing node\n", output, StringComparison.Ordinal);
        Assert.Equal(
            $"       npm notice\n\e[33m/app/Procfile: warning BPK2001: no web process\e[0m\n\e[31m{ReporterTranscript.Script}: error BPK1022: bin/supply failed\e[0m\n",
            error);
    }

    [Theory]
    [InlineData(true, null, null, true)]
    [InlineData(true, "", "xterm", true)]
    [InlineData(false, null, null, false)]
    [InlineData(true, "1", null, false)]
    [InlineData(true, "false", null, false)]
    [InlineData(true, null, "dumb", false)]
    public void Colour_needs_a_terminal_no_NO_COLOR_and_a_capable_TERM(bool isTerminal, string? noColor, string? term, bool expected)
    {
        var variables = new Dictionary<string, string?> { ["NO_COLOR"] = noColor, ["TERM"] = term };

        Assert.Equal(expected, PlainReporter.UsesColour(isTerminal, name => variables.GetValueOrDefault(name)));
    }

    [Fact]
    public void The_factory_colours_only_the_stream_that_is_a_terminal()
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var reporter = CiReporterFactory.Create(CiSystem.None, output, error, _ => null, outputIsTerminal: true, errorIsTerminal: false);

        reporter.Info("hello");
        reporter.Error("BPK1007", "bad", null);

        Assert.Equal("\e[1m-----> hello\e[0m\n", output.ToString());
        Assert.Equal("error BPK1007: bad\n", error.ToString());
    }

    [Fact]
    public void A_diagnostic_without_a_file_has_no_location_prefix()
    {
        using var error = new StringWriter { NewLine = "\n" };

        new PlainReporter(TextWriter.Null, error).Error("BPK1007", "no buildpack", null);

        Assert.Equal("error BPK1007: no buildpack\n", error.ToString());
    }

    [Fact]
    public void Outputs_secrets_and_summaries_have_nowhere_to_go_and_print_nothing_but_the_result_lines()
    {
        using var output = new StringWriter { NewLine = "\n" };
        var reporter = new PlainReporter(output, output);

        reporter.SetOutput("droplet", "/x.tgz");
        reporter.AddSecrets(["s3cret"]);
        reporter.Staged(SampleResult.Create());

        Assert.Equal(string.Join("", StagingSummary.Lines(SampleResult.Create()).Select(line => line + "\n")), output.ToString());
    }

    [Fact]
    public void On_a_terminal_progress_redraws_one_line_in_place_and_the_next_line_erases_it()
    {
        var output = new StringWriter { NewLine = "\n" };
        var reporter = new PlainReporter(output, TextWriter.Null, liveProgress: true, drawInterval: TimeSpan.Zero);

        reporter.Progress("pack", 3 * 1048576, null, 1200);
        reporter.Progress("download https://example.com/bp.tgz", 524288, 1048576, 0);
        reporter.Info("Droplet written");

        Assert.Equal(
            "\r\e[K       pack: 3.0 MiB, 1,200 files\r\e[K       download https://example.com/bp.tgz: 0.5 MiB of 1.0 MiB\r\e[K-----> Droplet written\n",
            output.ToString());
    }

    [Fact]
    public void Without_live_progress_nothing_is_drawn()
    {
        var output = new StringWriter { NewLine = "\n" };
        var reporter = new PlainReporter(output, TextWriter.Null, drawInterval: TimeSpan.Zero);

        reporter.Progress("pack", 1048576, null, 3);
        reporter.Info("Droplet written");

        Assert.Equal("-----> Droplet written\n", output.ToString());
    }

    [Theory]
    [InlineData(true, null, null, true)]
    [InlineData(false, null, null, false)]
    [InlineData(true, "true", null, false)]
    [InlineData(true, null, "dumb", false)]
    public void Progress_is_drawn_only_on_a_terminal_outside_CI(bool isTerminal, string? ci, string? term, bool shows)
    {
        string? Variable(string name) => name switch { "CI" => ci, "TERM" => term, _ => null };

        Assert.Equal(shows, PlainReporter.ShowsProgress(isTerminal, Variable));
    }
}
