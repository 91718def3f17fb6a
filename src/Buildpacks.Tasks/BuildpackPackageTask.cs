using System.Globalization;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Packaging;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Buildpacks.Tasks;

/// <summary>
/// Packages a buildpack directory into a zip with the engine's packager, as <c>buildpacks package</c> does: the same
/// options, the same bytes. The <c>PackageBuildpack</c> target runs it for buildpack authors who build with MSBuild.
/// </summary>
public sealed class BuildpackPackageTask : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>The buildpack directory, with manifest.yml and VERSION (<c>BuildpackDirectory</c>).</summary>
    [Required]
    public string BuildpackDirectory { get; set; } = "";

    /// <summary>Put every dependency for the stack into the zip (<c>BuildpackPackageCached</c>).</summary>
    public bool Cached { get; set; }

    /// <summary>The stack to package for (<c>BuildpackPackageStack</c>); empty: the manifest's stack.</summary>
    public string? Stack { get; set; }

    /// <summary>Package the dependencies of every stack (<c>BuildpackPackageAnyStack</c>).</summary>
    public bool AnyStack { get; set; }

    /// <summary>The zip to write (<c>BuildpackPackageOutput</c>); empty: the packager's default name in the buildpack directory.</summary>
    public string? Output { get; set; }

    /// <summary>Download dependencies again even when the download cache has them (<c>BuildpackPackageForceDownload</c>).</summary>
    public bool ForceDownload { get; set; }

    /// <summary>A manifest to use instead of the buildpack's own manifest.yml (<c>BuildpackPackageManifest</c>).</summary>
    public string? Manifest { get; set; }

    /// <summary>The download cache directory (<c>BuildpackPackageDownloadCache</c>); empty: ~/.buildpack-packager/cache.</summary>
    public string? DownloadCache { get; set; }

    /// <summary>Log the dependencies and default versions as Markdown (<c>BuildpackPackageSummary</c>).</summary>
    public bool Summary { get; set; }

    /// <summary>The <c>SOURCE_DATE_EPOCH</c> value (Unix seconds) that sets the zip entries' time; empty: 1980-01-01.</summary>
    public string? SourceDateEpoch { get; set; }

    /// <summary>The project that runs the target, named by diagnostics without a file of their own.</summary>
    [Required]
    public string ProjectFile { get; set; } = "";

    /// <summary>The zip written, with metadata <c>Sha256</c>, <c>Size</c> and <c>Summary</c>.</summary>
    [Output]
    public ITaskItem? Package { get; private set; }

    /// <summary>Stops a running packaging (a download, pre_package); MSBuild calls this when the build is cancelled.</summary>
    public void Cancel() => _cancellation.Cancel();

    /// <inheritdoc />
    public override bool Execute()
    {
        var options = new PackageOptions
        {
            BuildpackDirectory = FullPath(BuildpackDirectory)!,
            Cached = Cached,
            Stack = Blank(Stack),
            AnyStack = AnyStack,
            Output = FullPath(Output),
            ForceDownload = ForceDownload,
            Manifest = FullPath(Manifest),
            DownloadCache = FullPath(DownloadCache),
            Timestamp = BuildpackPackager.TimestampFrom(Blank(SourceDateEpoch)),
        };

        using var pump = new LogPump();
        try
        {
            var result = pump.Run(() => new BuildpackPackager(new MSBuildStagingLog(pump, Log, ProjectFile)).PackageAsync(options, _cancellation.Token));
            if (Summary)
            {
                Log.LogMessage(MessageImportance.High, "{0}", result.Summary);
            }

            var item = new TaskItem(result.Zip);
            item.SetMetadata("Sha256", Buildpacks.Core.Droplets.DropletInspector.Sha256Of(result.Zip));
            item.SetMetadata("Size", new FileInfo(result.Zip).Length.ToString(CultureInfo.InvariantCulture));
            item.SetMetadata("Summary", result.Summary);
            Package = item;
            return !Log.HasLoggedErrors;
        }
        catch (BuildpackException ex)
        {
            BuildpackStagingTask.LogDiagnostic(Log, ex.Code, ex.Message, ex.File, ProjectFile, isError: true);
            return false;
        }
        catch (OperationCanceledException)
        {
            BuildpackStagingTask.LogDiagnostic(Log, TaskErrorCodes.Cancelled, "Packaging was cancelled; no zip was written.", null, ProjectFile, isError: true);
            return false;
        }
        catch (Exception ex)
        {
            var error = BuildpackException.FromUnexpected(ex);
            BuildpackStagingTask.LogDiagnostic(Log, error.Code, error.Message, error.File, ProjectFile, isError: true);
            Log.LogMessage(MessageImportance.Low, "{0}", ex.ToString());
            return false;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    // The target passes full paths; a task called directly gets paths relative to the project, as MSBuild users expect.
    private string? FullPath(string? path) =>
        Blank(path) is { } given ? Path.GetFullPath(given, Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!) : null;
}
