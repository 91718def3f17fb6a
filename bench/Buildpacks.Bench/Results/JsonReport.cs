using System.Text.Json;
using System.Text.Json.Serialization;

namespace Buildpacks.Bench.Results;

/// <summary>The report as JSON, every raw run included, so runs of different commits can be compared by a script.</summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static void Write(string path, BenchReport report, RunInfo run)
    {
        var document = new
        {
            schema = 1,
            run,
            targets = report.Rows,
            comparisons = report.Comparisons.Select(c => new
            {
                c.Id,
                c.Title,
                c.Input,
                c.Rounds,
                variants = c.Variants.Select(v => new
                {
                    v.Name,
                    v.Detail,
                    medianMs = Math.Round(v.Samples.Median, 1),
                    minMs = Math.Round(v.Samples.Min, 1),
                    maxMs = Math.Round(v.Samples.Max, 1),
                    spread = Math.Round(v.Samples.Spread, 4),
                    runsMs = v.Samples.Milliseconds.Select(m => Math.Round(m, 1)),
                }),
                ratios = c.Variants.Skip(1).Select(v => c.RatioOf(c.Variants[0].Name, v.Name)),
            }),
            inputs = report.Inputs,
            notes = report.Notes,
        };
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, JsonSerializer.Serialize(document, Options) + "\n");
    }
}
