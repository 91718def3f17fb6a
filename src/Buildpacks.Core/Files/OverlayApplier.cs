using System.Runtime.Versioning;

namespace Buildpacks.Core.Files;

/// <summary>
/// Applies what an overlay's upper directory recorded to the tree that was below it, with the overlay unmounted: new and
/// changed entries are renamed in (same file system, so no data is copied), whiteouts delete, opaque directories
/// replace. Renamed directories of the tree below (<c>trusted.overlay.redirect</c>) are not handled here: the caller
/// checks <see cref="HasRedirects"/> first and copies the merged tree instead.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class OverlayApplier
{
    /// <summary>Applies the upper entry <paramref name="name"/> of <paramref name="upper"/> to the same name in <paramref name="target"/>.</summary>
    public static void Apply(string upper, string target, string name) =>
        ApplyEntry(new DirectoryInfo(upper).EnumerateFileSystemInfos(name).FirstOrDefault(), Path.Combine(target, name));

    /// <summary>Whether any directory at or below <paramref name="upper"/> is a renamed directory of the tree below.</summary>
    public static bool HasRedirects(string upper)
    {
        if (!Directory.Exists(upper))
        {
            return false;
        }

        if (OverlayEntries.IsRedirected(upper))
        {
            return true;
        }

        return new DirectoryInfo(upper).EnumerateDirectories()
            .Any(d => d.LinkTarget is null && HasRedirects(d.FullName));
    }

    private static void ApplyEntry(FileSystemInfo? entry, string target)
    {
        if (entry is null)
        {
            return; // unchanged
        }

        if (OverlayEntries.IsWhiteout(entry.FullName))
        {
            Delete(target);
        }
        else if (entry is DirectoryInfo directory && entry.LinkTarget is null)
        {
            if (!OverlayEntries.IsOpaque(directory.FullName) && IsRealDirectory(target))
            {
                // A directory of the tree below with changes inside: merge, then take its mode, which a chmod changed.
                foreach (var child in directory.EnumerateFileSystemInfos())
                {
                    ApplyEntry(child, Path.Combine(target, child.Name));
                }

                File.SetUnixFileMode(target, directory.UnixFileMode);
            }
            else
            {
                Delete(target);
                Directory.Move(directory.FullName, target);
            }
        }
        else
        {
            if (IsRealDirectory(target))
            {
                Delete(target);
            }

            File.Move(entry.FullName, target, overwrite: true);
        }
    }

    private static bool IsRealDirectory(string path) => Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null;

    private static void Delete(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null || info.Exists || FileProbe.IsSpecialFile(path))
        {
            File.Delete(path);
        }
        else if (Directory.Exists(path))
        {
            DirectoryRemover.Delete(path);
        }
    }
}
