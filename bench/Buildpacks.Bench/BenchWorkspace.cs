namespace Buildpacks.Bench;

/// <summary>
/// The directory the harness owns for a run. By default in /dev/shm when it has room: creating many files on a
/// disk costs about a millisecond each and varies a lot, which would drown what the pairs differ by.
/// </summary>
internal static class BenchWorkspace
{
    private const string Marker = ".buildpacks-bench";

    public static string Open(BenchOptions options)
    {
        var root = options.WorkDirectory ?? Path.Combine(DefaultParent(options.Quick), $"buildpacks-bench-{Environment.ProcessId}");
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any() && !File.Exists(Path.Combine(root, Marker)))
        {
            throw new ArgumentException($"--work {root} is a folder the harness did not make; give an empty or new one (the harness deletes it at the end unless --keep).");
        }

        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, Marker), "made by Buildpacks.Bench; deleted at the end of a run unless --keep\n");
        return root;
    }

    public static void Close(string root, bool keep, TextWriter progress)
    {
        if (keep)
        {
            progress.WriteLine($"Kept {root} (its inputs are reused by a run with --work {root}).");
            return;
        }

        Directory.Delete(root, recursive: true);
    }

    private static string DefaultParent(bool quick)
    {
        // The full run holds about 1.2 GB of inputs and as much again in droplets and build directories.
        var needed = quick ? 1L << 30 : 4L << 30;
        const string Shm = "/dev/shm";
        try
        {
            if (Directory.Exists(Shm) && new DriveInfo(Shm).AvailableFreeSpace > needed)
            {
                return Shm;
            }
        }
        catch (IOException)
        {
        }

        return Path.GetTempPath();
    }
}
