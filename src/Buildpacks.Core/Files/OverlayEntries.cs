using System.Runtime.InteropServices;

namespace Buildpacks.Core.Files;

/// <summary>
/// How an overlay's upper directory records changes to the tree below: a deleted entry is a whiteout (a character
/// device 0:0), a directory that replaced one below is opaque (xattr <c>trusted.overlay.opaque=y</c>), a renamed
/// directory of the tree below carries <c>trusted.overlay.redirect</c>. Read and written here while nothing is mounted.
/// </summary>
internal static unsafe partial class OverlayEntries
{
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int StatxSize = 256;
    private const int StatxModeOffset = 28;
    private const int StatxDeviceMajorOffset = 128;
    private const int StatxDeviceMinorOffset = 132;
    private const int TypeMask = 0xF000;
    private const int CharacterDevice = 0x2000;

    /// <summary>Makes a whiteout at <paramref name="path"/>: the entry of that name below disappears from the merged tree.</summary>
    public static void MakeWhiteout(string path)
    {
        if (Mknod(path, CharacterDevice, 0) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"'{path}': {Marshal.GetPInvokeErrorMessage(errno)}", errno);
        }
    }

    /// <summary>Whether <paramref name="path"/> is a whiteout; false when it is gone or anything else.</summary>
    public static bool IsWhiteout(string path)
    {
        var buffer = stackalloc byte[StatxSize];
        if (Statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxType, buffer) != 0)
        {
            return false;
        }

        return (*(ushort*)(buffer + StatxModeOffset) & TypeMask) == CharacterDevice
            && *(uint*)(buffer + StatxDeviceMajorOffset) == 0
            && *(uint*)(buffer + StatxDeviceMinorOffset) == 0;
    }

    /// <summary>Whether the upper directory <paramref name="directory"/> hides everything below it of its name.</summary>
    public static bool IsOpaque(string directory)
    {
        var value = stackalloc byte[2];
        var length = GetXattr(directory, "trusted.overlay.opaque", value, 2);
        return length == 1 && value[0] == (byte)'y';
    }

    /// <summary>Whether the upper directory <paramref name="directory"/> is a renamed directory of the tree below.</summary>
    public static bool IsRedirected(string directory) => GetXattr(directory, "trusted.overlay.redirect", null, 0) >= 0;

    [LibraryImport("libc", EntryPoint = "mknod", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Mknod(string path, uint mode, ulong device);

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directory, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "lgetxattr", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial nint GetXattr(string path, string name, byte* value, nuint size);
}
