using System.Globalization;

namespace Buildpacks.Bench;

/// <summary>The harness's command line.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        Buildpacks.Bench: staging and packing against the platforms' own tools, side by side in one run.

          dotnet run -c Release --project bench/Buildpacks.Bench -- [options]

          --quick          small inputs and few rounds (the 1 GB tree becomes 10x the small runtime tree)
          --json FILE      also write the results as JSON
          --rounds N       timed rounds per pair (default: per pair, fewer with --quick)
          --only LIST      run only these scenarios: pack,staging,cache,startup,detect,msbuild,scale
          --work DIR       where inputs and outputs go (default: /dev/shm when it has room, else the temp dir)
          --cli PATH       time this `buildpacks` executable instead of publishing src/Buildpacks.Cli
          --keep           keep the work directory (its inputs are reused by the next run with --work)
        """;

    public static readonly IReadOnlyList<string> Scenarios = ["pack", "staging", "cache", "startup", "detect", "msbuild", "scale"];

    public bool Quick { get; init; }

    public string? JsonPath { get; init; }

    public int? Rounds { get; init; }

    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>(Scenarios);

    public string? WorkDirectory { get; init; }

    public string? CliPath { get; init; }

    public bool Keep { get; init; }

    public bool Runs(string scenario) => Only.Contains(scenario);

    /// <summary>The rounds for a pair: <paramref name="full"/> normally, <paramref name="quick"/> with --quick, --rounds over both.</summary>
    public int RoundsFor(int full, int quick) => Rounds ?? (Quick ? quick : full);

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--quick" => options with { Quick = true },
                "--json" => options with { JsonPath = Path.GetFullPath(Value()) },
                "--rounds" => options with { Rounds = ParseRounds(Value()) },
                "--only" => options with { Only = ParseOnly(Value()) },
                "--work" => options with { WorkDirectory = Path.GetFullPath(Value()) },
                "--cli" => options with { CliPath = Path.GetFullPath(Value()) },
                "--keep" => options with { Keep = true },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }

        return options;
    }

    private static int ParseRounds(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rounds) && rounds > 0
            ? rounds
            : throw new ArgumentException($"--rounds takes a positive number, not '{text}'.");

    private static HashSet<string> ParseOnly(string text)
    {
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = names.Except(Scenarios).ToList();
        return unknown.Count == 0
            ? names
            : throw new ArgumentException($"Unknown scenario(s) {string.Join(", ", unknown)}; known: {string.Join(",", Scenarios)}.");
    }
}
