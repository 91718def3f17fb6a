using Buildpacks.Core.Diagnostics;
using Microsoft.Build.Framework;

namespace Buildpacks.Tasks;

/// <summary>
/// Stages the publish folder into a droplet with the engine, streaming the buildpacks' output into the
/// build log. Cancelling the build (Ctrl+C) stops the buildpack's whole process tree and writes no droplet.
/// </summary>
public sealed class StageBuildpack : BuildpackStagingTask, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>Where to record what was staged, for builds that later find the droplet up to date.</summary>
    [Required]
    public string DropletInfoFile { get; set; } = "";

    /// <summary>The droplet with metadata <c>Sha256</c>, <c>Size</c>, <c>Layout</c>, <c>DetectedBuildpack</c>, <c>ProcessTypes</c>.</summary>
    [Output]
    public ITaskItem? GeneratedDroplet { get; private set; }

    /// <summary>Stops a running staging; MSBuild calls this when the build is cancelled.</summary>
    public void Cancel() => _cancellation.Cancel();

    /// <inheritdoc />
    public override bool Execute()
    {
        var request = CreateRequest();
        if (request is null)
        {
            return false;
        }

        using var pump = new LogPump();
        var log = new MSBuildStagingLog(pump, Log, ProjectFile);
        try
        {
            // A record that outlives a failed staging would describe the wrong droplet.
            if (File.Exists(DropletInfoFile) && !TryRecord(() => File.Delete(DropletInfoFile)))
            {
                return false;
            }

            Log.LogMessage(MessageImportance.Normal, "Staging {0} into {1}", request.AppDirectory, request.OutputPath);
            var result = pump.Run(() => CreateEngine().StageAsync(request, log, _cancellation.Token));
            var record = DropletRecord.From(result);
            if (!TryRecord(() => record.Write(DropletInfoFile)))
            {
                return false;
            }

            GeneratedDroplet = record.ToTaskItem();
            return !Log.HasLoggedErrors;
        }
        catch (BuildpackException ex)
        {
            ShowOutputTail(log);
            LogError(ex);
            return false;
        }
        catch (OperationCanceledException)
        {
            LogError(new BuildpackException(TaskErrorCodes.Cancelled, "Staging was cancelled; the buildpack was stopped and no droplet was written."));
            return false;
        }
        catch (Exception ex)
        {
            ShowOutputTail(log);
            LogUnexpected(ex);
            return false;
        }
    }

    // Only the droplet record in obj/ is this task's own file; the engine reports its own failures with their codes.
    private bool TryRecord(Action write)
    {
        try
        {
            write();
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogError(new BuildpackException(
                TaskErrorCodes.IntermediateFileFailed,
                $"Could not update the droplet record '{DropletInfoFile}': {ex.Message}. Check that obj/ is writable.",
                DropletInfoFile));
            return false;
        }
    }

    // At the default verbosity buildpack output is hidden, yet the error says "the output above says why".
    private void ShowOutputTail(MSBuildStagingLog log)
    {
        if (Log.LogsMessagesOfImportance(MessageImportance.Normal) || log.Tail.Count == 0)
        {
            return;
        }

        Log.LogMessage(MessageImportance.High, "Last lines of the buildpack's output:");
        foreach (var line in log.Tail)
        {
            Log.LogMessage(MessageImportance.High, "  {0}", line);
        }
    }
}
