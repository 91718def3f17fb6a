using System.Runtime.Versioning;
using Buildpacks.Core.Files;

namespace Buildpacks.Core.Staging;

/// <summary>
/// The build directory as an overlay of the app directory: nothing is copied, buildpacks' writes land in an upper
/// directory in the workspace, and the app directory is the read-only lower layer, never changed. What a copy leaves
/// out (the copy filter's entries; fifos, sockets and devices) is hidden by whiteouts made before mounting, so the
/// merged tree holds exactly what the copy would, and the droplet is the same byte for byte.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class AppOverlay
{
    private const int NoSuchCall = 38;

    /// <summary>
    /// Mounts the overlay at <paramref name="buildDirectory"/>, its upper and work directories under
    /// <paramref name="overlayRoot"/>. Returns 0 and the special files left out, or the errno why it could not be mounted
    /// (then <paramref name="overlayRoot"/> is gone again and nothing is mounted).
    /// </summary>
    public static int Mount(string app, string buildDirectory, string overlayRoot, Func<string, bool> exclude, out IReadOnlyList<SkippedFile> skipped)
    {
        var upper = Path.Combine(overlayRoot, "upper");
        var work = Path.Combine(overlayRoot, "work");
        var left = new List<SkippedFile>();
        skipped = left;
        Write(upper, () =>
        {
            Directory.CreateDirectory(upper);
            Directory.CreateDirectory(work);
            Directory.CreateDirectory(buildDirectory);
            // The merged root takes its mode from the upper root; a copy takes the app directory's.
            File.SetUnixFileMode(upper, File.GetUnixFileMode(app));
        });

        try
        {
            new Hider(app, upper, exclude, left).Walk(new DirectoryInfo(app), "");
        }
        catch (EntryPointNotFoundException)
        {
            DirectoryRemover.DeleteQuietly(overlayRoot);
            return NoSuchCall; // a C library without mknod(3) (glibc before 2.33): copy instead
        }

        var error = OverlayMount.Mount(app, upper, work, buildDirectory);
        if (error != 0)
        {
            DirectoryRemover.DeleteQuietly(overlayRoot);
        }

        return error;
    }

    private sealed class Hider(string app, string upper, Func<string, bool> exclude, List<SkippedFile> skipped)
    {
        // Walks the app as the copy does, in the same order, so the special files are reported alike.
        public void Walk(DirectoryInfo directory, string relative)
        {
            FileSystemInfo[] entries = [];
            Read(directory.FullName, () => entries = directory.GetFileSystemInfos());
            foreach (var entry in entries)
            {
                var entryRelative = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                if (exclude(entryRelative))
                {
                    Hide(entryRelative);
                }
                else if (entry.LinkTarget is not null)
                {
                    continue;
                }
                else if (entry is DirectoryInfo subdirectory)
                {
                    Walk(subdirectory, entryRelative);
                }
                else if (SpecialFile.Kind(entry.FullName) is { } kind)
                {
                    skipped.Add(new SkippedFile(entryRelative, kind));
                    Hide(entryRelative);
                }
            }
        }

        // The upper directories on the way get the mode of the app's, as the copy's would; the entry becomes a whiteout.
        private void Hide(string relative)
        {
            var parts = relative.Split('/');
            for (var i = 1; i < parts.Length; i++)
            {
                var between = string.Join('/', parts.Take(i));
                var path = Path.Combine(upper, between);
                if (!Directory.Exists(path))
                {
                    Write(path, () =>
                    {
                        Directory.CreateDirectory(path);
                        File.SetUnixFileMode(path, File.GetUnixFileMode(Path.Combine(app, between)));
                    });
                }
            }

            var whiteout = Path.Combine(upper, relative);
            Write(whiteout, () => OverlayEntries.MakeWhiteout(whiteout));
        }
    }

    private static void Read(string path, Action read)
    {
        try
        {
            read();
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemFailure(ex))
        {
            throw new CopyFailure(path, isReading: true, ex);
        }
    }

    private static void Write(string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemFailure(ex))
        {
            throw new CopyFailure(path, isReading: false, ex);
        }
    }
}
