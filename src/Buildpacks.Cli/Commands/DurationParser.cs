using System.Globalization;
using System.Text.RegularExpressions;

namespace Buildpacks.Cli.Commands;

/// <summary>Reads durations as people write them: <c>90s</c>, <c>15m</c>, <c>1h30m</c>, <c>00:15:00</c> or plain seconds.</summary>
internal static partial class DurationParser
{
    [GeneratedRegex(@"^(?:(?<h>\d+)h)?(?:(?<m>\d+)m)?(?:(?<s>\d+)s)?$")]
    private static partial Regex Units();

    public static bool TryParse(string text, out TimeSpan duration)
    {
        text = text.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            duration = TimeSpan.FromSeconds(seconds);
            return seconds > 0;
        }

        var match = Units().Match(text);
        if (text.Length > 0 && match.Success)
        {
            duration = TimeSpan.FromHours(Value(match, "h")) + TimeSpan.FromMinutes(Value(match, "m")) + TimeSpan.FromSeconds(Value(match, "s"));
            return duration > TimeSpan.Zero;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero;
    }

    private static int Value(Match match, string group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
}
