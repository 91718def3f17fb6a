namespace Buildpacks.Core.Staging.Planning;

/// <summary>The first candidate whose <c>bin/detect</c> accepts the app, as every platform does without an explicit buildpack.</summary>
internal sealed class DetectionSelection : IBuildpackSelection
{
    public async Task<StagingPlan?> SelectAsync(SelectionContext context, CancellationToken cancellationToken)
    {
        if (context.Request.Candidates.Count == 0)
        {
            return null;
        }

        var candidates = await context.Fetcher.FetchAllAsync(context.Request.Candidates, "c", cancellationToken).ConfigureAwait(false);
        var (winner, report) = await context.Detector.DetectAsync(candidates, cancellationToken).ConfigureAwait(false);
        if (winner is null)
        {
            throw BuildpackDetector.NoneDetected(report);
        }

        context.Log.Info($"Detected buildpack: {report.WinnerName}");
        return new StagingPlan([winner], report.WinnerName);
    }
}
