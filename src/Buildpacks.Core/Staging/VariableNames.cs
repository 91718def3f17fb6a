using System.Text.RegularExpressions;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Staging;

/// <summary>Rules for environment variable names.</summary>
public static partial class VariableNames
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

    /// <summary>Throws a coded error when <paramref name="name"/> is not a shell identifier.</summary>
    public static void EnsureValid(string name, string? file = null)
    {
        if (!IsValid(name))
        {
            throw new BuildpackException(
                ErrorCodes.InvalidVariableName,
                $"'{name}' is not a valid environment variable name. Use letters, digits and '_', not starting with a digit (e.g. MY_SETTING).",
                file);
        }
    }
}
