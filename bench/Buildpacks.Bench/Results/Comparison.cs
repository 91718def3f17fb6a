namespace Buildpacks.Bench.Results;

/// <summary>Variants run side by side over the same input, alternating, and the ratios between them.</summary>
internal sealed record Comparison(string Id, string Title, string Input, int Rounds, IReadOnlyList<Measurement> Variants)
{
    public Samples this[string name] => Variants.Single(v => v.Name == name).Samples;

    public Ratio RatioOf(string of, string to) => Ratio.Between(of, this[of], to, this[to]);
}
