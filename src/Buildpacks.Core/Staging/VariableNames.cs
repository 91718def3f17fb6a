using System.Text.RegularExpressions;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Staging;

/// <summary>Rules for environment variable names.</summary>
internal static partial class VariableNames
{
    /// <summary>
    /// Names buildpacks that export the env dir skip (Heroku's convention): they would break the
    /// build tools themselves. They still reach the env dir.
    /// </summary>
    public static readonly IReadOnlySet<string> NotExported =
        new HashSet<string>(["PATH", "GIT_DIR", "CPATH", "CPPATH", "LD_PRELOAD", "LIBRARY_PATH"], StringComparer.Ordinal);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ValidName();

    /// <summary>Whether <paramref name="name"/> is a shell identifier (and so a safe env dir file name).</summary>
    public static bool IsValid(string name) => ValidName().IsMatch(name);

    /// <summary>
    /// Throws a coded error when <paramref name="name"/> is not a shell identifier. The message shows the name only up to
    /// its first bad character: a name that is no identifier is often a value split at the wrong place
    /// (<c>API_TOKEN czNjcjN0=</c>), and values must never reach a log.
    /// </summary>
    /// <param name="name">The name to check.</param>
    /// <param name="file">The file the name comes from, if any.</param>
    /// <param name="line">Its line in <paramref name="file"/>, if known.</param>
    public static void EnsureValid(string name, string? file = null, int? line = null)
    {
        if (!IsValid(name))
        {
            var problem = Describe(name);
            var message = line is null ? char.ToUpperInvariant(problem[0]) + problem[1..] : $"Line {line} of env file '{file}': {problem}";
            throw new BuildpackException(
                ErrorCodes.InvalidVariableName,
                $"{message}. Use letters, digits and '_', not starting with a digit (e.g. MY_SETTING).",
                file);
        }
    }

    /// <summary>Says what is wrong with an invalid name (in lower case, to follow a location) without showing anything past its first bad character.</summary>
    private static string Describe(string name)
    {
        if (name.Length == 0)
        {
            return "the variable name is empty, which is not a valid environment variable name";
        }

        if (char.IsAsciiDigit(name[0]))
        {
            return "the variable name starts with a digit, which is not a valid environment variable name (the name is not shown, in case it holds a value)";
        }

        var bad = 0;
        while (bad < name.Length && (char.IsAsciiLetterOrDigit(name[bad]) || name[bad] == '_'))
        {
            bad++;
        }

        var what = name[bad] switch
        {
            ' ' => "a space",
            '\t' => "a tab",
            var c when char.IsAsciiLetterOrDigit(c) || char.IsControl(c) || !char.IsAscii(c) => "a character outside A-Z, a-z, 0-9 and '_'",
            var c => $"'{c}'",
        };
        var prefix = bad == 0 ? "the variable name" : $"the variable name '{name[..bad]}...'";
        return $"{prefix} is not a valid environment variable name: character {bad + 1} is {what} (the rest is not shown, in case it holds a value)";
    }
}
