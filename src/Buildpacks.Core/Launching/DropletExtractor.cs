using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Droplets;
using Buildpacks.Core.Files;

namespace Buildpacks.Core.Launching;

/// <summary>
/// Unpacks a droplet into <c>RUN_ROOT/&lt;sha256&gt;</c>, refusing every entry that could write or point outside
/// that directory. The tree is built under a temporary name and renamed into place when complete, so a
/// directory with the droplet's hash is always a whole extraction and the next launch of the same droplet
/// reuses it.
/// </summary>
internal static class DropletExtractor
{
    /// <summary>Where droplets are extracted when the caller names no run root.</summary>
    public static string DefaultRunRoot => Path.Combine(Path.GetTempPath(), "buildpacks-run");

    /// <summary>Extracts <paramref name="dropletPath"/> under <paramref name="runRoot"/>, or finds it already there.</summary>
    /// <param name="dropletPath">The droplet.</param>
    /// <param name="runRoot">The directory holding one extraction per droplet SHA-256.</param>
    /// <param name="limits">How far the droplet may expand (null: <see cref="ExtractionLimits.Default"/>); over a limit nothing is left behind.</param>
    /// <param name="cancellationToken">Stops the extraction between entries; nothing is left behind.</param>
    /// <exception cref="BuildpackException">The droplet is missing, not a droplet, holds an unsafe entry, is too large, or cannot be written out.</exception>
    public static ExtractedDroplet Extract(string dropletPath, string runRoot, ExtractionLimits? limits = null, CancellationToken cancellationToken = default)
    {
        limits ??= ExtractionLimits.Default;
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Droplets are Linux file trees; extract and run them on Linux.");
        }

        var droplet = Path.GetFullPath(dropletPath);
        DropletFile.EnsureRegular(droplet, " Stage the app first (buildpacks stage).");

        var sha = DropletInspector.Sha256Of(droplet);
        var root = Path.GetFullPath(runRoot);
        var target = Path.Combine(root, sha);
        if (Directory.Exists(target))
        {
            return new ExtractedDroplet(target, sha, Reused: true);
        }

        var partial = Path.Combine(root, $".{sha[..12]}-{Guid.NewGuid():N}.partial");
        var rootCreated = !Directory.Exists(root);
        try
        {
            Directory.CreateDirectory(partial);
            new SafeTarExtraction(droplet, partial, limits).Run(cancellationToken);
            try
            {
                Directory.Move(partial, target);
            }
            catch (IOException) when (Directory.Exists(target))
            {
                // Another launch of the same droplet finished first; its tree is just as good.
                DirectoryRemover.DeleteQuietly(partial);
                return new ExtractedDroplet(target, sha, Reused: true);
            }

            return new ExtractedDroplet(target, sha, Reused: false);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException)
        {
            Abandon(partial, root, rootCreated);
            throw new BuildpackException(ErrorCodes.InvalidDroplet, $"'{droplet}' is not a droplet (a gzipped tar): {ex.Message}", droplet, CfExitCodes.Other, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Abandon(partial, root, rootCreated);
            throw new BuildpackException(
                ErrorCodes.DropletExtractFailed,
                $"The droplet could not be extracted into '{root}': {ex.Message}. Check that the folder is writable and the disk has room, or choose another with --dir.",
                droplet,
                CfExitCodes.Other,
                ex);
        }
        catch
        {
            Abandon(partial, root, rootCreated);
            throw;
        }
    }

    // A refused or failed extraction leaves nothing: not its partial tree, nor the run root it created for it.
    private static void Abandon(string partial, string root, bool rootCreated)
    {
        DirectoryRemover.DeleteQuietly(partial);
        if (rootCreated)
        {
            try
            {
                Directory.Delete(root);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another launch put something there meanwhile: it is theirs now.
            }
        }
    }
}
