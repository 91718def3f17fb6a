using Buildpacks.Core.Ci;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Tests.Ci;

public sealed class AzurePipelinesReporterTests
{
    [Fact]
    public void Phases_are_groups_and_diagnostics_are_logged_issues()
    {
        var (output, error) = ReporterTranscript.Tell((o, e) => new AzurePipelinesReporter(o, e));

        Assert.Equal(
            $"""
            ##[group]supply (node)
                   installing node
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
        Assert.Equal("       npm notice\n", error);
    }

    [Fact]
    public void Issues_escape_semicolons_brackets_and_newlines()
    {
        using var output = new StringWriter { NewLine = "\n" };

        new AzurePipelinesReporter(output, TextWriter.Null).Warning(new BuildpackDiagnostic("BPK2001", "a;b]\nc", "/x;y"));

        Assert.Equal("##vso[task.logissue type=warning;code=BPK2001;sourcepath=/x%3By]BPK2001: a%3Bb%5D%0Ac\n", output.ToString());
    }

    [Fact]
    public void Outputs_are_output_variables_with_escaped_values()
    {
        using var output = new StringWriter { NewLine = "\n" };

        new AzurePipelinesReporter(output, TextWriter.Null).SetOutput("droplet", "/out/a;b%.tgz");

        Assert.Equal("##vso[task.setvariable variable=droplet;isOutput=true]/out/a%3Bb%AZP25.tgz\n", output.ToString());
    }
}
