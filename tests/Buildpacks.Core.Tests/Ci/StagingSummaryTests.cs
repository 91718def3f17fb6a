using Buildpacks.Core.Ci;

namespace Buildpacks.Core.Tests.Ci;

public sealed class StagingSummaryTests
{
    [Fact]
    public void The_summary_tables_the_droplet_buildpacks_phases_and_process_types_with_cells_escaped()
    {
        var markdown = StagingSummary.ToMarkdown(SampleResult.Create(dropletPath: "/out/my_app.droplet.tgz"));

        Assert.Equal(
            """
            ### Droplet my\_app.droplet.tgz

            | droplet |  |
            |---|---|
            | path | /out/my\_app.droplet.tgz |
            | size | 1,234,567 bytes |
            | sha256 | `ab12` |
            | layout | cf |

            | buildpack | version | identity |
            |---|---|---|
            | node | 1.2.3 | sha256:aa |
            | dotnet\_\*core\* |  | git:0123abc |

            | phase | buildpack | duration |
            |---|---|---|
            | supply | node | 1.2 s |
            | finalize | dotnet | 12.0 s |
            | pack |  | 0.1 s |

            | process type | command |
            |---|---|
            | web | dotnet HelloWeb.dll \| tee log |
            | worker | run\_worker |


            """.ReplaceLineEndings("\n"),
            markdown);
    }

    [Fact]
    public void A_cell_cannot_break_the_row_or_open_html()
    {
        var markdown = StagingSummary.ToMarkdown(SampleResult.Create(web: "a\nb <script>|x"));

        Assert.Contains("| web | a b \\<script\\>\\|x |\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_closing_lines_list_the_droplet_and_every_process_type()
    {
        Assert.Equal(
            [
                "Droplet: /out/app.droplet.tgz",
                "  sha256:    ab12",
                "  size:      1234567 bytes",
                "  layout:    cf",
                "  buildpack: dotnet",
                "  process web: dotnet HelloWeb.dll | tee log",
                "  process worker: run_worker",
            ],
            StagingSummary.Lines(SampleResult.Create()));
    }
}
