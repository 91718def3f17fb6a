using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Droplets;
using Microsoft.Build.Framework;

namespace Buildpacks.Tasks;

/// <summary>
/// Describes the droplet as the <c>GeneratedDroplet</c> item, whether this build staged it or found it up
/// to date: from the record staging left in <c>obj/</c>, or by reading the droplet when the record is stale.
/// </summary>
public sealed class ReadBuildpackDroplet : Microsoft.Build.Utilities.Task
{
    /// <summary>The droplet.</summary>
    [Required]
    public string DropletPath { get; set; } = "";

    /// <summary>The record <see cref="StageBuildpack"/> wrote beside the inputs file.</summary>
    [Required]
    public string DropletInfoFile { get; set; } = "";

    /// <summary>The project being published, named by diagnostics without a file of their own.</summary>
    [Required]
    public string ProjectFile { get; set; } = "";

    /// <summary>The droplet with metadata <c>Sha256</c>, <c>Size</c>, <c>Layout</c>, <c>DetectedBuildpack</c>, <c>ProcessTypes</c>.</summary>
    [Output]
    public ITaskItem? GeneratedDroplet { get; private set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        var droplet = Path.GetFullPath(DropletPath);
        try
        {
            var record = DropletRecord.TryRead(DropletInfoFile);
            if (record is null || !record.Describes(droplet))
            {
                // Someone replaced or touched the droplet after staging: describe what is there now.
                record = DropletRecord.From(DropletInspector.Inspect(droplet));
                record.Write(DropletInfoFile);
            }

            GeneratedDroplet = record.ToTaskItem();
            return true;
        }
        catch (BuildpackException ex)
        {
            BuildpackStagingTask.LogDiagnostic(Log, ex.Code, ex.Message, ex.File, ProjectFile, isError: true);
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            BuildpackStagingTask.LogDiagnostic(
                Log,
                TaskErrorCodes.IntermediateFileFailed,
                $"Could not describe the droplet '{droplet}' into '{DropletInfoFile}': {ex.Message}",
                DropletInfoFile,
                ProjectFile,
                isError: true);
            return false;
        }
    }
}
