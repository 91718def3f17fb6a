using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Buildpacks.Core.Files;

/// <summary>
/// Overlay mounts through mount(2) and umount2(2), with no mount binary needed. A staging mounts one over a tree it must
/// not change (the app, the cache): writes land in an upper directory of its own, the tree below stays as it was.
/// </summary>
internal static partial class OverlayMount
{
    // umount2: detach now, let the kernel finish when the last user goes (a daemon a buildpack left running).
    private const int Detach = 2;
    private const int NoSuchEntry = 2;
    private const int Invalid = 22;

    /// <summary>
    /// Mounts an overlay of <paramref name="lower"/> (read only) and <paramref name="upper"/> (writes) at
    /// <paramref name="target"/>. Returns 0, or the errno why it could not (EPERM for a user who may not mount,
    /// ENODEV without overlay support, EINVAL for an upper directory on a file system overlay cannot write).
    /// </summary>
    /// <param name="lower">The read-only tree.</param>
    /// <param name="upper">An empty directory (or one prepared with whiteouts) on the same file system as <paramref name="work"/>.</param>
    /// <param name="work">An empty directory the kernel needs for atomic copy-ups.</param>
    /// <param name="target">Where the merged tree appears.</param>
    public static int Mount(string lower, string upper, string work, string target)
    {
        if (!OperatingSystem.IsLinux())
        {
            return NoSuchEntry;
        }

        // redirect_dir: a directory of the lower tree can be renamed (else rename(2) fails with EXDEV, which not every
        // tool handles); index off: a hard-linked lower file copied up stays apart from its other names, as a copy would;
        // metacopy off: a copied-up file carries its data, so the upper tree alone says what changed.
        var data = $"lowerdir={Escape(lower)},upperdir={Escape(upper)},workdir={Escape(work)},redirect_dir=on,index=off,metacopy=off";
        if (Encoding.UTF8.GetByteCount(data) >= 4096)
        {
            return Invalid; // the kernel reads at most a page of options
        }

        return MountCall("overlay", target, "overlay", 0, data) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>Detaches the mount at <paramref name="target"/>; false when it could not be (it was none).</summary>
    public static bool Unmount(string target) => OperatingSystem.IsLinux() && Umount2(target, Detach) == 0;

    /// <summary>
    /// Detaches every mount at or below <paramref name="root"/>, deepest first. True when none is left, so deleting the
    /// tree cannot reach through a mount into what lies below it.
    /// </summary>
    public static bool UnmountAllBelow(string root)
    {
        foreach (var mountPoint in Below(root).OrderByDescending(p => p.Length))
        {
            Unmount(mountPoint);
        }

        return Below(root).Count == 0;
    }

    /// <summary>The mount points at or below <paramref name="root"/>, from /proc/self/mountinfo; none when it cannot be read.</summary>
    public static IReadOnlyList<string> Below(string root)
    {
        if (!OperatingSystem.IsLinux())
        {
            return [];
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines("/proc/self/mountinfo");
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemFailure(ex))
        {
            return [];
        }

        var trimmed = Path.TrimEndingDirectorySeparator(root);
        var found = new List<string>();
        foreach (var line in lines)
        {
            // ID PARENT MAJOR:MINOR ROOT MOUNTPOINT ...: the fifth field, with space, tab, newline and backslash octal-escaped.
            var fields = line.Split(' ');
            if (fields.Length > 4)
            {
                var mountPoint = Unescape(fields[4]);
                if (mountPoint == trimmed || mountPoint.StartsWith(trimmed + "/", StringComparison.Ordinal))
                {
                    found.Add(mountPoint);
                }
            }
        }

        return found;
    }

    // The kernel splits overlay options at commas and lower layers at colons; a backslash escapes either, and itself.
    internal static string Escape(string path)
    {
        var escaped = new StringBuilder(path.Length + 8);
        foreach (var c in path)
        {
            if (c is '\\' or ',' or ':')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var bytes = new List<byte>();
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length
                && int.TryParse(field.AsSpan(i + 1, 3), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                bytes.Add(Convert.ToByte(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(field[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    [LibraryImport("libc", EntryPoint = "mount", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MountCall(string source, string target, string type, nuint flags, string data);

    [LibraryImport("libc", EntryPoint = "umount2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Umount2(string target, int flags);
}
