using System.Text;
using System.Text.RegularExpressions;
using Buildpacks.Core.Files;

namespace Buildpacks.Core.Staging;

/// <summary>
/// Heroku's <c>.slugignore</c>: one pattern a line, <c>#</c> comments, no negation. A pattern without a slash
/// matches a name at any depth, a leading slash anchors it at the root, <c>*</c> stays within one path segment
/// and <c>**</c> crosses them. <c>.git</c> is always left out.
/// </summary>
internal sealed class SlugIgnore
{
    private readonly List<Regex> _patterns;

    private SlugIgnore(List<Regex> patterns) => _patterns = patterns;

    /// <summary>Reads <c>.slugignore</c> in <paramref name="appDirectory"/>, if there is one.</summary>
    public static SlugIgnore Load(string appDirectory)
    {
        return Parse(RegularFile.ReadTextIfExists(Path.Combine(appDirectory, ".slugignore"), "the app's .slugignore") ?? "");
    }

    /// <summary>Parses .slugignore text.</summary>
    public static SlugIgnore Parse(string text)
    {
        var patterns = new List<Regex>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            patterns.Add(ToRegex(line));
        }

        return new SlugIgnore(patterns);
    }

    /// <summary>Whether the relative path (with '/' separators) is left out of the slug.</summary>
    public bool IsExcluded(string relativePath) =>
        relativePath == ".git" || _patterns.Exists(pattern => pattern.IsMatch(relativePath));

    private static Regex ToRegex(string pattern)
    {
        var trimmed = pattern.TrimEnd('/');
        var anchored = trimmed.StartsWith('/') || trimmed.Contains('/');
        trimmed = trimmed.TrimStart('/');
        var builder = new StringBuilder(anchored ? "^" : "(^|/)");
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c == '*' && i + 1 < trimmed.Length && trimmed[i + 1] == '*')
            {
                builder.Append(".*");
                i++;
            }
            else if (c == '*')
            {
                builder.Append("[^/]*");
            }
            else if (c == '?')
            {
                builder.Append("[^/]");
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
            }
        }

        builder.Append('$');
        return new Regex(builder.ToString(), RegexOptions.CultureInvariant);
    }
}
