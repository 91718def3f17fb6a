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
    public void A_diagnostic_without_a_file_has_no_location_prefix()
    {
        using var error = new StringWriter { NewLine = "\n" };

        new PlainReporter(TextWriter.Null, error).Error("BPK1007", "no buildpack", null);

        Assert.Equal("error BPK1007: no buildpack\n", error.ToString());
    }

    [Fact]
    public void Outputs_have_nowhere_to_go_and_print_nothing()
    {
        using var output = new StringWriter();

        new PlainReporter(output, output).SetOutput("droplet", "/x.tgz");

        Assert.Equal("", output.ToString());
    }
}
