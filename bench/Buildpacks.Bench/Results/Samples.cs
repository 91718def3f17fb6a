namespace Buildpacks.Bench.Results;

/// <summary>The timed runs of one variant, in milliseconds, with the statistics the report shows.</summary>
internal sealed class Samples(IReadOnlyList<double> milliseconds)
{
    public IReadOnlyList<double> Milliseconds { get; } = milliseconds;

    public double Median => MedianOf(Milliseconds);

    public double Min => Milliseconds.Min();

    public double Max => Milliseconds.Max();

    /// <summary>
    /// The median absolute deviation over the median: how far a typical run strays, robust to the odd run that
    /// another process on a busy machine slowed down (which a standard deviation would let dominate).
    /// </summary>
    public double Spread => Median == 0 ? 0 : MedianOf(Milliseconds.Select(m => Math.Abs(m - Median)).ToList()) / Median;

    public static double MedianOf(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            throw new InvalidOperationException("No samples.");
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
