namespace Buildpacks.Core.Tests.Ci.Runners;

/// <summary>
/// Reads <c>$GITHUB_OUTPUT</c> as the runner does: <c>NAME=VALUE</c> lines, and <c>NAME&lt;&lt;DELIMITER</c> followed by
/// value lines up to a line that is exactly the delimiter. A value's line breaks are kept; the last one before the
/// delimiter line is not part of the value.
/// </summary>
public static class GitHubOutputFile
{
    public static IReadOnlyList<(string Name, string Value)> Read(string text)
    {
        var entries = new List<(string, string)>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0 && i == lines.Length - 1)
            {
                break;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            if (equals >= 0 && (heredoc < 0 || equals < heredoc))
            {
                entries.Add((line[..equals], line[(equals + 1)..]));
                continue;
            }

            if (heredoc < 0)
            {
                throw new FormatException($"Invalid line {i + 1}: '{line}'");
            }

            var delimiter = line[(heredoc + 2)..];
            var value = new List<string>();
            for (i++; ; i++)
            {
                if (i >= lines.Length || (i == lines.Length - 1 && lines[i].Length == 0))
                {
                    throw new FormatException($"Matching delimiter not found '{delimiter}'");
                }

                if (lines[i].TrimEnd('\r') == delimiter)
                {
                    break;
                }

                value.Add(lines[i]);
            }

            entries.Add((line[..heredoc], string.Join('\n', value)));
        }

        return entries;
    }
}
