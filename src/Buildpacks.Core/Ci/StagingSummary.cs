using System.Globalization;
using System.Text;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Staging;

namespace Buildpacks.Core.Ci;

/// <summary>What a staging produced, as the log's closing lines and as the Markdown a CI job summary shows.</summary>
internal static class StagingSummary
{
    /// <summary>The closing lines of a staging log: droplet path, sha256, size, layout, buildpack and process types.</summary>
    public static IReadOnlyList<string> Lines(StagingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        List<string> lines =
        [
            $"Droplet: {result.DropletPath}",
            $"  sha256:    {result.Sha256}",
            $"  size:      {result.Size} bytes",
            $"  layout:    {LayoutName(result.Layout)}",
            $"  buildpack: {result.DetectedBuildpack}",
        ];
        lines.AddRange(result.ProcessTypes.Select(type => $"  process {type.Key}: {type.Value}"));
        return lines;
    }

    /// <summary>
    /// A Markdown section with four tables: the droplet (path, size, sha256, layout), the buildpacks with their
    /// versions and identities, the phases with their durations, and the process types. Every cell is escaped, so
    /// what buildpacks named or printed shows as text.
    /// </summary>
    public static string ToMarkdown(StagingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var markdown = new StringBuilder();
        markdown.Append("### Droplet ").Append(Cell(Path.GetFileName(result.DropletPath))).Append("\n\n");
        Table(markdown, ["droplet", ""],
        [
            ["path", Cell(result.DropletPath)],
            ["size", string.Create(CultureInfo.InvariantCulture, $"{result.Size:N0} bytes")],
            ["sha256", $"`{result.Sha256}`"],
            ["layout", LayoutName(result.Layout)],
        ]);
        Table(markdown, ["buildpack", "version", "identity"], result.Buildpacks.Select(buildpack => new[]
        {
            Cell(buildpack.Name), Cell(buildpack.Version ?? ""), Cell(buildpack.Identity?.ToString() ?? ""),
        }));
        Table(markdown, ["phase", "buildpack", "duration"], result.Timings.Select(timing => new[]
        {
            timing.Phase.Name(), Cell(timing.Buildpack), timing.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s",
        }));
        Table(markdown, ["process type", "command"], result.ProcessTypes.Select(type => new[] { Cell(type.Key), Cell(type.Value) }));
        return markdown.ToString();
    }

    private static string LayoutName(DropletLayout layout) => layout == DropletLayout.Heroku ? "heroku" : "cf";

    private static void Table(StringBuilder markdown, string[] header, IEnumerable<string[]> rows)
    {
        var body = rows.ToList();
        if (body.Count == 0)
        {
            return;
        }

        markdown.Append("| ").AppendJoin(" | ", header).Append(" |\n|").Append(string.Concat(Enumerable.Repeat("---|", header.Length))).Append('\n');
        foreach (var row in body)
        {
            markdown.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        }

        markdown.Append('\n');
    }

    // Backslash escapes every character that could start Markdown or HTML, and a line break would end the row.
    private static string Cell(string text)
    {
        var cell = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '&' or '~' or '!' or '#')
            {
                cell.Append('\\');
            }

            cell.Append(c);
        }

        return cell.ToString();
    }
}
