using System.Text;

namespace Buildpacks.Core.Requests;

/// <summary>
/// <c>NAME=VALUE</c> pairs as one text value, for settings that travel as a single string (an MSBuild property):
/// pairs are separated by <c>;</c>, and a <c>;</c> or <c>%</c> inside a value is written <c>%3B</c> or <c>%25</c>.
/// </summary>
internal static class AssignmentList
{
    /// <summary>Writes the pairs as one value.</summary>
    public static string Join(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return string.Join(';', pairs.Select(pair => pair.Key + "=" + pair.Value.Replace("%", "%25", StringComparison.Ordinal).Replace(";", "%3B", StringComparison.Ordinal)));
    }

    /// <summary>Writes plain entries (commands) as one value, escaped as the pairs are.</summary>
    public static string JoinEntries(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return string.Join(';', entries.Select(entry => entry.Replace("%", "%25", StringComparison.Ordinal).Replace(";", "%3B", StringComparison.Ordinal)));
    }

    /// <summary>Splits one value into its <c>NAME=VALUE</c> entries, unescaped; empty entries are skipped.</summary>
    public static IEnumerable<string> Split(string? text) =>
        (text ?? "").Split(';').Where(entry => entry.Trim().Length > 0).Select(Unescape);

    // One pass, so an escaped '%' followed by "3B" stays "%3B".
    private static string Unescape(string entry)
    {
        var text = new StringBuilder(entry.Length);
        for (var i = 0; i < entry.Length; i++)
        {
            if (Matches(entry, i, "%25"))
            {
                text.Append('%');
                i += 2;
            }
            else if (Matches(entry, i, "%3B"))
            {
                text.Append(';');
                i += 2;
            }
            else
            {
                text.Append(entry[i]);
            }
        }

        return text.ToString();
    }

    private static bool Matches(string entry, int index, string escape) =>
        index + escape.Length <= entry.Length && entry.AsSpan(index, escape.Length).Equals(escape, StringComparison.OrdinalIgnoreCase);
}
