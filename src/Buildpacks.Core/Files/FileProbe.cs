using System.Runtime.InteropServices;

namespace Buildpacks.Core.Files;

/// <summary>
/// What .NET cannot tell about a path without opening or changing it: whether it is a device, fifo or socket, and
/// whether the caller may create files in a directory. Asked of the kernel directly; where a call does not exist
/// (statx off Linux, access on Windows) the answer is the harmless one.
/// </summary>
internal static unsafe partial class FileProbe
{
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int StatxSize = 256;
    private const int StatxModeOffset = 28;
    private const int StatxDeviceMajorOffset = 128;
    private const int StatxDeviceMinorOffset = 132;
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int Directory = 0x4000;
    private const int SymbolicLink = 0xA000;
    private const int WriteAndSearch = 0x2 | 0x1;
    private const int PermissionDenied = 13;

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directory, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "access", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Access(string path, int mode);

    /// <summary>
    /// Whether <paramref name="path"/> exists as something other than a file, a directory or a symbolic link: a
    /// device, fifo or socket, which renaming a file onto would destroy (think <c>/dev/null</c> for a root user).
    /// </summary>
    public static bool IsSpecialFile(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return TryType(path, out var type, out _) && type is not (RegularFile or Directory or SymbolicLink);
        }
        catch (EntryPointNotFoundException)
        {
            return false; // a C library older than glibc 2.28 or musl 1.2.5: no statx, no check
        }
    }

    /// <summary>
    /// The file type bits (<c>S_IFMT</c>) of <paramref name="path"/>, links not followed, and for a device its
    /// major:minor numbers; false when the path is gone or cannot be read. Linux only (statx).
    /// </summary>
    public static bool TryType(string path, out int type, out (uint Major, uint Minor) device)
    {
        var buffer = stackalloc byte[StatxSize];
        if (Statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxType, buffer) != 0)
        {
            type = 0;
            device = default;
            return false;
        }

        type = *(ushort*)(buffer + StatxModeOffset) & TypeMask;
        device = (*(uint*)(buffer + StatxDeviceMajorOffset), *(uint*)(buffer + StatxDeviceMinorOffset));
        return true;
    }

    /// <summary>
    /// Null when the caller may create entries in the existing <paramref name="directory"/>; else the reason, as
    /// .NET would have thrown it, without creating anything (a read-only mount fails this for root too).
    /// </summary>
    public static Exception? CannotCreateIn(string directory)
    {
        if (OperatingSystem.IsWindows() || Access(directory, WriteAndSearch) == 0)
        {
            return null;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno == PermissionDenied
            ? new UnauthorizedAccessException($"Access to the path '{directory}' is denied.")
            : new IOException(Marshal.GetPInvokeErrorMessage(errno), errno);
    }
}
