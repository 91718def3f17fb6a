using System.Globalization;
using System.Text.RegularExpressions;

namespace Buildpacks.Core.Staging;

/// <summary>
/// Reads durations as people write them in build settings: <c>90s</c>, <c>15m</c>, <c>1h30m</c>, <c>30d</c>,
/// <c>00:15:00</c> or plain seconds. Doors that take a timeout as text share this one reading.
/// </summary>
internal static partial class DurationText
{
    [GeneratedRegex(@"^(?:(?<d>\d+)d)?(?:(?<h>\d+)h)?(?:(?<m>\d+)m)?(?:(?<s>\d+)s)?$")]
    private static partial Regex Units();

    /// <summary>Parses <paramref name="text"/>; false when it is not a positive duration.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        text = text?.Trim() ?? "";
        if (text.Length == 0)
        {
            return false;
        }

        try
        {
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                duration = TimeSpan.FromSeconds(seconds);
                return seconds > 0;
            }

            var match = Units().Match(text);
            if (match.Success)
            {
                duration = TimeSpan.FromDays(Value(match, "d")) + TimeSpan.FromHours(Value(match, "h")) + TimeSpan.FromMinutes(Value(match, "m")) + TimeSpan.FromSeconds(Value(match, "s"));
                return duration > TimeSpan.Zero;
            }
        }
        catch (Exception ex) when (ex is OverflowException or ArgumentOutOfRangeException)
        {
            // A number too large for a TimeSpan is not a duration either.
            duration = TimeSpan.Zero;
            return false;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero;
    }

    /// <summary>Writes <paramref name="duration"/> as text <see cref="TryParse"/> reads back exactly (<c>00:15:00</c>).</summary>
    public static string Format(TimeSpan duration) => duration.ToString("c", CultureInfo.InvariantCulture);

    private static long Value(Match match, string group) =>
        match.Groups[group].Success ? long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
}
