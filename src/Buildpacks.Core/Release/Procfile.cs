using System.Text.RegularExpressions;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Release;

/// <summary>The app's <c>Procfile</c>: <c>type: command</c> lines.</summary>
internal static partial class Procfile
{
    [GeneratedRegex(@"^(?<type>[A-Za-z0-9_-]+):\s*(?<command>.*?)\s*$")]
    private static partial Regex LinePattern();

    /// <summary>Parses Procfile text; blank lines and <c>#</c> comments are skipped, a later line for a type wins.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string text, string? path = null)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var match = LinePattern().Match(line);
            if (!match.Success || match.Groups["command"].Value.Length == 0)
            {
                throw new BuildpackException(
                    ErrorCodes.InvalidProcfile,
                    $"Procfile line {index + 1} is not 'type: command' (type made of letters, digits, '_' and '-'). Fix or remove that line " +
                    "(it is not shown here: a broken line may hold a secret).",
                    path);
            }

            types[match.Groups["type"].Value] = match.Groups["command"].Value;
        }

        return types;
    }
}
