using System.Diagnostics;
using System.Globalization;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Droplets;

namespace Buildpacks.Core.Staging;

/// <summary>
/// Writes the layout's metadata into the workspace and packs the droplet, a CF droplet root or a Heroku slug of the
/// app, into the temporary file <see cref="StagingOutputs"/> renames into place once every output is written.
/// </summary>
internal static class DropletPacker
{
    public static PackedDroplet Pack(
        StagingRequest request, StagingWorkspace workspace, StagingOutputs outputs, StagingOutcome outcome, IStagingLog log, List<PhaseTiming> timings, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        log.PhaseStarted(StagingPhase.Pack, "");
        var timestamp = request.Timestamp ?? SourceDateEpoch(request) ?? DropletWriter.DefaultTimestamp;
        Action<long, int>? progress = log is IStagingProgress shown ? (bytes, files) => shown.Progress("pack", bytes, null, files) : null;
        PackedDroplet packed;
        if (request.Layout == DropletLayout.Heroku)
        {
            workspace.Write(() => MetadataWriter.WriteRelease(outcome, Path.Combine(workspace.BuildDirectory, ".release")));
            var ignore = SlugIgnore.Load(workspace.BuildDirectory);
            packed = DropletWriter.WriteUncommitted(workspace.BuildDirectory, outputs.DropletTemporary, outputs.DropletPath, timestamp, ignore.IsExcluded, cancellationToken, progress, outputs.Hold);
        }
        else
        {
            workspace.Write(() => MetadataWriter.WriteStagingInfo(outcome, Path.Combine(workspace.DropletRoot, "staging_info.yml")));
            packed = DropletWriter.WriteUncommitted(workspace.DropletRoot, outputs.DropletTemporary, outputs.DropletPath, timestamp, null, cancellationToken, progress, outputs.Hold);
        }

        SpecialFileWarning.ForDroplet(log, packed.SkippedSpecialFiles);
        log.PhaseFinished(StagingPhase.Pack, "", stopwatch.Elapsed);
        timings.Add(new PhaseTiming(StagingPhase.Pack, "", stopwatch.Elapsed));
        return packed;
    }

    private static DateTimeOffset? SourceDateEpoch(StagingRequest request)
    {
        var value = request.Environment.GetValueOrDefault("SOURCE_DATE_EPOCH") ?? System.Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }
}
