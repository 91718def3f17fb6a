using System.Diagnostics;

namespace Buildpacks.Testing;

/// <summary>
/// A small tmpfs mounted for one test, to run out of space or meet a read-only file system on purpose. Mounting
/// needs root, which the tests have here and in CI. Unmounted on dispose, before the temp directory holding it goes.
/// </summary>
public sealed class TmpfsMount : IDisposable
{
    public TmpfsMount(string path, string size, bool readOnly = false)
    {
        Path = path;
        Directory.CreateDirectory(path);
        Run("mount", "-t", "tmpfs", "-o", $"size={size},mode=1777{(readOnly ? ",ro" : "")}", "tmpfs", path);
    }

    public string Path { get; }

    /// <summary>Fills the file system up to about <paramref name="free"/> bytes left, with one file named filler.</summary>
    public string Fill(long free)
    {
        var filler = System.IO.Path.Combine(Path, "filler");
        var available = new DriveInfo(Path).AvailableFreeSpace;
        using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write);
        stream.SetLength(0);
        var chunk = new byte[64 * 1024];
        for (var left = available - free; left > 0; left -= chunk.Length)
        {
            stream.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
        }

        return filler;
    }

    public void Dispose() => Run("umount", "-l", Path);

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, UseShellExecute = false })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
        }
    }
}
