using Buildpacks.Core.Files;

namespace Buildpacks.Core.Staging;

/// <summary>
/// Removes the temporary files (<c>.NAME.*.tmp</c>) a killed staging left beside an output. A staging holds each of its
/// temporary files open with an exclusive lock (<see cref="StagingOutputs.Hold"/>) until it ends, and the kernel drops
/// the lock when the process dies however it dies; so a temporary file whose lock can be taken has no writer left.
/// </summary>
internal static class StaleTemporaries
{
    /// <summary>Best effort: whatever cannot be checked or removed stays, and never fails the staging.</summary>
    public static void Sweep(string outputPath)
    {
        var folder = Path.GetDirectoryName(outputPath)!;
        try
        {
            foreach (var candidate in Directory.EnumerateFiles(folder, $".{Path.GetFileName(outputPath)}.*.tmp"))
            {
                RemoveIfUnlocked(candidate);
            }
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemFailure(ex))
        {
            // The folder is gone or unreadable: nothing to sweep that this staging could see.
        }
    }

    private static void RemoveIfUnlocked(string path)
    {
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
            File.Delete(path);
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemFailure(ex))
        {
            // Locked by a live staging, or gone meanwhile.
        }
    }
}
