using System.Globalization;
using Buildpacks.Bench.Results;

namespace Buildpacks.Bench.Running;

/// <summary>
/// Runs variants side by side: one untimed warm-up of each (JIT, page cache, first-run costs), then rounds in
/// which every variant runs once, the order rotating from round to round (A B, B A, ...), so a slow spell of a
/// busy machine or a drift over the run falls on every variant alike rather than on whichever always runs first.
/// </summary>
internal static class Alternator
{
    public static Comparison Run(string id, string title, string input, IReadOnlyList<Variant> variants, int rounds, TextWriter progress)
    {
        progress.WriteLine($"{title} ({input}): warming up");
        foreach (var variant in variants)
        {
            variant.Run();
        }

        var runs = variants.Select(_ => new List<double>()).ToList();
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < variants.Count; k++)
            {
                var index = (round + k) % variants.Count;
                runs[index].Add(variants[index].Run().TotalMilliseconds);
            }

            var line = string.Join(", ", variants.Select((v, i) => string.Create(CultureInfo.InvariantCulture, $"{v.Name} {runs[i][^1]:0} ms")));
            progress.WriteLine($"  round {round + 1}/{rounds}: {line}");
        }

        return new Comparison(id, title, input, rounds, variants.Select((v, i) => new Measurement(v.Name, new Samples(runs[i]))).ToList());
    }
}
