namespace Buildpacks.Testing;

/// <summary>The mounts this process sees (/proc/self/mountinfo), to show a staging left none behind, or which it left.</summary>
public static class MountTable
{
    /// <summary>The mount points at or below <paramref name="root"/>.</summary>
    public static List<string> Below(string root) =>
        [.. File.ReadAllLines("/proc/self/mountinfo").Select(line => line.Split(' ')[4]).Where(m => m == root || m.StartsWith(root + "/", StringComparison.Ordinal))];
}
