namespace Buildpacks.Bench.Results;

/// <summary>
/// One variant's time over another's, from runs taken side by side: the ratio of the medians, and the ratios
/// of the runs paired by round (each round ran both close together, so a slow spell of the machine hits
/// both) whose range shows how far the ratio can be trusted.
/// </summary>
internal sealed record Ratio(string Of, string To, double OfMedians, double RoundMedian, double RoundMin, double RoundMax)
{
    public static Ratio Between(string of, Samples ofSamples, string to, Samples toSamples)
    {
        var perRound = ofSamples.Milliseconds.Zip(toSamples.Milliseconds, (a, b) => a / b).ToList();
        return new Ratio(of, to, ofSamples.Median / toSamples.Median, Samples.MedianOf(perRound), perRound.Min(), perRound.Max());
    }
}
