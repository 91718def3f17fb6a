using System.Runtime.InteropServices;

namespace Buildpacks.Core.Files;

/// <summary>
/// Tells fifos, sockets and devices from regular files without opening them: opening a fifo for reading waits for a
/// writer that may never come, and a device such as <c>/dev/zero</c> never ends. .NET reports all of them as plain
/// files (<see cref="FileSystemInfo.Attributes"/> has no such kind on Linux), so this asks lstat(2) through the
/// runtime's own native shim, whose status layout is the same on every OS and architecture .NET runs on.
/// </summary>
internal static unsafe partial class SpecialFile
{
    // The shim's portable S_IF* values (System.Native pal_io.h); Mode is the second int of its FileStatus.
    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int BlockDevice = 0x6000;
    private const int Socket = 0xC000;

    // FileStatus is about 130 bytes; room to spare in case a later runtime adds fields at its end.
    private const int StatusBufferSize = 512;

    private static bool s_unavailable;

    /// <summary>
    /// "a fifo", "a socket", "a character device" or "a block device"; null for regular files, directories, links
    /// (not followed) and paths that are gone.
    /// </summary>
    public static string? Kind(string path)
    {
        if (OperatingSystem.IsWindows() || s_unavailable)
        {
            return null;
        }

        var status = stackalloc byte[StatusBufferSize];
        try
        {
            if (LStat(path, status) != 0)
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // A runtime without the shim: fall back to treating everything as a file, as .NET itself does.
            s_unavailable = true;
            return null;
        }

        return (((int*)status)[1] & TypeMask) switch
        {
            Fifo => "a fifo",
            Socket => "a socket",
            CharacterDevice => "a character device",
            BlockDevice => "a block device",
            _ => null,
        };
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LStat(string path, byte* status);
}
