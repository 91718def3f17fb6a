using System.Runtime.InteropServices;

namespace Buildpacks.Testing;

/// <summary>
/// Whether a path is a fifo, socket or device, asked without opening it: opening a fifo waits for a writer forever,
/// so a helper that hashes files must know before it opens one.
/// </summary>
public static partial class FileKind
{
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 28;
    private const int TypeMask = 0xF000;

    /// <summary>"fifo", "socket", "char-device", "block-device"; null for files, directories, links and missing paths.</summary>
    public static string? SpecialKind(string path)
    {
        var buffer = new byte[256];
        if (Statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxType, buffer) != 0)
        {
            return null;
        }

        return (BitConverter.ToUInt16(buffer, StatxModeOffset) & TypeMask) switch
        {
            0x1000 => "fifo",
            0x2000 => "char-device",
            0x6000 => "block-device",
            0xC000 => "socket",
            _ => null,
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);
}
