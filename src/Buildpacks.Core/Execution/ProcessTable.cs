using System.Globalization;

namespace Buildpacks.Core.Execution;

/// <summary>The processes of this machine, read from /proc; a process that ends while it is read is left out.</summary>
internal static class ProcessTable
{
    /// <summary>Every process /proc shows now.</summary>
    public static IEnumerable<ProcessEntry> Read()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) &&
                ReadStat(pid, directory) is { } entry)
            {
                yield return entry;
            }
        }
    }

    private static ProcessEntry? ReadStat(int pid, string directory)
    {
        string stat;
        try
        {
            stat = File.ReadAllText(Path.Combine(directory, "stat"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // The command name is in parentheses and may hold spaces; after it: state, ppid, process group, session.
        var end = stat.LastIndexOf(')');
        var fields = end < 0 ? [] : stat[(end + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 4 ||
            !int.TryParse(fields[1], CultureInfo.InvariantCulture, out var parent) ||
            !int.TryParse(fields[2], CultureInfo.InvariantCulture, out var group) ||
            !int.TryParse(fields[3], CultureInfo.InvariantCulture, out var session))
        {
            return null;
        }

        return new ProcessEntry(pid, fields[0] is not ("Z" or "X"), parent, group, session);
    }
}
