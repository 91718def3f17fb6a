using System.Globalization;
using System.Text.RegularExpressions;

namespace Buildpacks.Core.Files;

/// <summary>
/// Reads and writes sizes as people type them: <c>1048576</c>, <c>512K</c>, <c>64M</c>, <c>8G</c>, <c>1T</c>, with an
/// optional <c>B</c>/<c>iB</c> (<c>8GiB</c>, <c>8GB</c>). Units are binary (1K = 1024 bytes), as in <c>docker --memory</c>:
/// a limit is about disk blocks, not marketing gigabytes.
/// </summary>
internal static partial class ByteSizeText
{
    private static readonly string[] Units = ["bytes", "KiB", "MiB", "GiB", "TiB"];

    [GeneratedRegex(@"^(?<n>\d+)\s*(?:(?<u>[kmgtKMGT])(?:i?[bB])?|[bB])?$")]
    private static partial Regex Size();

    /// <summary>Parses <paramref name="text"/>; false when it is not a positive size that fits in 63 bits.</summary>
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        var match = Size().Match(text?.Trim() ?? "");
        if (!match.Success || !long.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var shift = match.Groups["u"].Success ? 10 * ("KMGT".IndexOf(char.ToUpperInvariant(match.Groups["u"].Value[0]), StringComparison.Ordinal) + 1) : 0;
        if (number <= 0 || number > long.MaxValue >> shift)
        {
            return false;
        }

        bytes = number << shift;
        return true;
    }

    /// <summary>The largest unit that divides <paramref name="bytes"/> evenly: <c>8 GiB</c>, <c>1536 KiB</c>, <c>1000 bytes</c>.</summary>
    public static string Format(long bytes)
    {
        var unit = 0;
        while (unit < Units.Length - 1 && bytes != 0 && bytes % 1024 == 0)
        {
            bytes /= 1024;
            unit++;
        }

        return $"{bytes.ToString(CultureInfo.InvariantCulture)} {Units[unit]}";
    }
}
