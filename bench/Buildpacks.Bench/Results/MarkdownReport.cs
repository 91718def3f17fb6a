using System.Globalization;

namespace Buildpacks.Bench.Results;

/// <summary>The report as Markdown tables: the targets first (what a reader wants), then every run behind them.</summary>
internal static class MarkdownReport
{
    public static void Write(TextWriter output, BenchReport report, RunInfo run)
    {
        void Line(FormattableString text) => output.WriteLine(text.ToString(CultureInfo.InvariantCulture));
        Line($"## Buildpacks.Bench{(run.Quick ? " --quick" : "")}: {run.Commit}, {run.Started:yyyy-MM-dd HH:mm} UTC");
        output.WriteLine();
        Line($"{run.Cores} cores, load average {run.LoadBefore} before and {run.LoadAfter} after, work directory {run.WorkDirectory}.");
        output.WriteLine();
        output.WriteLine("| target | this run | limit | result |");
        output.WriteLine("|---|---|---|---|");
        foreach (var row in report.Rows)
        {
            var result = row.Status switch
            {
                TargetStatus.Met => "met",
                TargetStatus.NotMet => "**not met**",
                TargetStatus.Skipped => "skipped",
                _ => "**failed**",
            };
            var note = row.Note is null ? "" : $": {Escape(row.Note)}";
            Line($"| {Escape(row.What)} | {row.ValueText} | <= {row.Limit}{row.Unit} | {result}{note} |");
        }

        output.WriteLine();
        output.WriteLine("| comparison | variant | median | min | spread | first / this |");
        output.WriteLine("|---|---|---|---|---|---|");
        foreach (var comparison in report.Comparisons)
        {
            var first = comparison.Variants[0];
            foreach (var variant in comparison.Variants)
            {
                var title = variant == first ? $"{comparison.Title} ({comparison.Input}, {comparison.Rounds} rounds)" : "";
                var ratio = variant == first ? "" : $"{comparison.RatioOf(first.Name, variant.Name).OfMedians:0.00}x";
                var detail = variant.Detail is null ? "" : $", {variant.Detail}";
                var s = variant.Samples;
                Line($"| {Escape(title)} | {Escape(variant.Name + detail)} | {Time(s.Median)} | {Time(s.Min)} | ±{s.Spread:0.0%} | {ratio} |");
            }
        }

        output.WriteLine();
        output.WriteLine("| input | files | size | what |");
        output.WriteLine("|---|---|---|---|");
        foreach (var input in report.Inputs)
        {
            Line($"| {input.Name} | {input.Files:N0} | {input.Bytes / 1e6:0.0} MB | {Escape(input.Description)} |");
        }

        if (report.Notes.Count > 0)
        {
            output.WriteLine();
            foreach (var note in report.Notes)
            {
                output.WriteLine($"- {note}");
            }
        }
    }

    private static string Time(double milliseconds) =>
        milliseconds >= 10_000
            ? string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 1000:0.0} s")
            : milliseconds >= 1000
                ? string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 1000:0.00} s")
                : string.Create(CultureInfo.InvariantCulture, $"{milliseconds:0} ms");

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
