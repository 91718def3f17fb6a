using System.Globalization;
using System.Text;

namespace Buildpacks.Core.Ci;

/// <summary>
/// Keeps text out of the runners' command parsers. The Azure agent acts on <c>##vso[</c> anywhere in a line, and
/// both runners know the older <c>##[</c> form anywhere in a line; both split lines on CR as well as LF. A line
/// holding one of those prefixes (also when zero-width or other ignorable characters hide inside it, which a
/// culture-aware search skips) loses its ignorable characters and gets a space between adjacent <c>#</c>:
/// <c>##vso[task.setvariable ...]</c> prints as <c># #vso[task.setvariable ...]</c>. Other lines print unchanged.
/// </summary>
internal static class CommandGuard
{
    private static readonly string[] Prefixes = ["##vso[", "##["];

    /// <summary>The engine's own text (titles, messages) as one safe line: line breaks become spaces.</summary>
    public static string Line(string text) => Neutralize(text.ReplaceLineEndings(" "));

    /// <summary>One line without line breaks, made safe.</summary>
    public static string Neutralize(string line)
    {
        if (!line.Contains('#', StringComparison.Ordinal))
        {
            return line;
        }

        var visible = WithoutIgnorables(line);
        if (!Prefixes.Any(prefix => visible.Contains(prefix, StringComparison.OrdinalIgnoreCase)))
        {
            return line;
        }

        var safe = new StringBuilder(visible.Length + 8);
        var previous = '\0';
        foreach (var c in visible)
        {
            if (c == '#' && previous == '#')
            {
                safe.Append(' ');
            }

            safe.Append(c);
            previous = c;
        }

        return safe.ToString();
    }

    /// <summary>The pieces a runner reads as separate lines: it splits on CR too, so a progress bar's CR starts a new line for it.</summary>
    public static IEnumerable<string> RunnerLines(string line) =>
        line.Contains('\r', StringComparison.Ordinal) ? line.Split('\r').Where(piece => piece.Length > 0) : [line];

    // Characters a linguistic comparison may skip as if absent: controls, format characters (zero-width space,
    // joiners, tags) and marks (variation selectors, combining joiners).
    private static string WithoutIgnorables(string line)
    {
        var kept = new StringBuilder(line.Length);
        foreach (var rune in line.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var ignorable = category is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
                || (category == UnicodeCategory.Control && rune.Value != '\t');
            if (!ignorable)
            {
                kept.Append(rune.ToString());
            }
        }

        return kept.ToString();
    }
}
