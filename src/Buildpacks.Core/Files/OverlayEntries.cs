using System.Runtime.InteropServices;

namespace Buildpacks.Core.Files;

/// <summary>
/// How an overlay's upper directory records changes to the tree below: a deleted entry is a whiteout (a character
/// device 0:0), a directory that replaced one below is opaque (xattr <c>trusted.overlay.opaque=y</c>), a renamed
/// directory of the tree below carries <c>trusted.overlay.redirect</c>. Read and written here while nothing is mounted.
/// </summary>
internal static unsafe partial class OverlayEntries
{
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
    public static bool IsWhiteout(string path) =>
        FileProbe.TryType(path, out var type, out var device) && type == CharacterDevice && device == (0, 0);

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

    [LibraryImport("libc", EntryPoint = "lgetxattr", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial nint GetXattr(string path, string name, byte* value, nuint size);
}
