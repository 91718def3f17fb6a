using System.Globalization;

namespace Buildpacks.Core.Tests.Ci.Runners;

/// <summary>How both runners cut a step's output into lines, and how they search a line.</summary>
internal static class RunnerLines
{
    // Both runners read the pipes with .NET's line reader: CR, LF and CRLF each end a line.
    public static IEnumerable<string> Split(string output)
    {
        using var reader = new StringReader(output);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    /// <summary>
    /// The runners search with culture-sensitive IndexOf; under ICU that skips zero-width and other ignorable
    /// characters. Case is ignored too, so the model is stricter than either runner.
    /// </summary>
    public static int Find(string line, string prefix, out int length) =>
        CultureInfo.InvariantCulture.CompareInfo.IndexOf(line, prefix, CompareOptions.IgnoreCase, out length);

    /// <summary>
    /// The bracket form both runners know, found anywhere in a line: <c>PREFIXname k=v;k=v]data</c>, with the first
    /// <c>]</c> after the prefix ending the command; null when there is none or <paramref name="accepts"/> refuses the name.
    /// </summary>
    public static RunnerCommand? Bracketed(string line, string prefix, Func<string, bool> accepts, Func<string, string> unescape)
    {
        var start = Find(line, prefix, out var length);
        var close = start < 0 ? -1 : line.IndexOf(']', start + length);
        if (close < 0)
        {
            return null;
        }

        var info = line[(start + length)..close];
        var space = info.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? info : info[..space];
        return accepts(name)
            ? new RunnerCommand(name, Properties(space > 0 ? info[(space + 1)..] : "", ';', unescape), unescape(line[(close + 1)..]))
            : null;
    }

    /// <summary>A command's properties: pairs split on <paramref name="separator"/>, each at its first <c>=</c>, empty ones skipped.</summary>
    public static Dictionary<string, string> Properties(string text, char separator, Func<string, string> unescape)
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in text.Split(separator, StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2)
            {
                properties[parts[0]] = unescape(parts[1]);
            }
        }

        return properties;
    }

    public static string Mask(string line, IEnumerable<string> secrets) =>
        secrets.OrderByDescending(s => s.Length).Aggregate(line, (masked, secret) => masked.Replace(secret, "***", StringComparison.Ordinal));
}
