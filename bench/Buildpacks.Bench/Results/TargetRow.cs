using System.Globalization;

namespace Buildpacks.Bench.Results;

/// <summary>
/// One target of issue 15 and what this run found. <see cref="Robust"/> says whether every round's own ratio
/// falls on the same side of the limit as the ratio of the medians: when it does not, the machine was too
/// noisy (or the difference too small) for the verdict to stand, and the run should be repeated on a quiet machine.
/// </summary>
internal sealed record TargetRow(string Id, string What, double Limit, string Unit, TargetStatus Status, double? Value, string ValueText, bool? Robust, string? Note)
{
    public static TargetRow FromRatio(TargetDefinition target, Ratio ratio)
    {
        var met = ratio.OfMedians <= target.Limit;
        var robust = met ? ratio.RoundMax <= target.Limit : ratio.RoundMin > target.Limit;
        var text = string.Create(CultureInfo.InvariantCulture, $"{ratio.OfMedians:0.00}x (rounds {ratio.RoundMin:0.00}-{ratio.RoundMax:0.00})");
        return new TargetRow(target.Id, target.What, target.Limit, target.Unit, met ? TargetStatus.Met : TargetStatus.NotMet, ratio.OfMedians, text, robust,
            robust ? null : "the rounds' ratios straddle the limit: repeat on a quiet machine");
    }

    public static TargetRow FromValue(TargetDefinition target, double value, string text, string? note = null) =>
        new(target.Id, target.What, target.Limit, target.Unit, value <= target.Limit ? TargetStatus.Met : TargetStatus.NotMet, value, text, null, note);

    public static TargetRow NotRun(TargetDefinition target, TargetStatus status, string why) =>
        new(target.Id, target.What, target.Limit, target.Unit, status, null, "", null, why);
}
