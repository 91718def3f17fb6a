using Buildpacks.Core.Ci;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Ci;

public sealed class GitHubActionsReporterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Phases_are_groups_and_diagnostics_are_annotations_on_the_log()
    {
        var (output, error) = ReporterTranscript.Tell((o, e) => new GitHubActionsReporter(o, e, null));

        Assert.Equal(
            $"""
            ::group::supply (node)
                   installing node
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
        Assert.Equal("       npm notice\n", error);
    }

    [Fact]
    public void Annotations_escape_newlines_percent_colons_and_commas()
    {
        using var output = new StringWriter { NewLine = "\n" };

        new GitHubActionsReporter(output, TextWriter.Null, null).Error("BPK1020", "line one\nline 100%", "/a,b:c/bin/detect");

        Assert.Equal("::error file=/a%2Cb%3Ac/bin/detect,title=BPK1020::BPK1020: line one%0Aline 100%25\n", output.ToString());
    }

    [Fact]
    public void Group_titles_escape_newlines_and_percent()
    {
        using var output = new StringWriter { NewLine = "\n" };

        new GitHubActionsReporter(output, TextWriter.Null, null).BeginGroup("50%\nrest");

        Assert.Equal("::group::50%25%0Arest\n", output.ToString());
    }

    [Fact]
    public void Outputs_are_appended_to_the_file_GITHUB_OUTPUT_names()
    {
        var file = _temp.Combine("github-output");
        File.WriteAllText(file, "earlier=step\n");
        var variables = new Dictionary<string, string?> { ["GITHUB_OUTPUT"] = file };
        using var output = new StringWriter();
        var reporter = CiReporterFactory.Create(CiSystem.GitHubActions, output, output, name => variables.GetValueOrDefault(name));

        reporter.SetOutput("droplet", "/out/app.tgz");
        reporter.SetOutput("sha256", "abc");

        Assert.Equal("earlier=step\ndroplet=/out/app.tgz\nsha256=abc\n", File.ReadAllText(file));
        Assert.Equal("", output.ToString());
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
}
