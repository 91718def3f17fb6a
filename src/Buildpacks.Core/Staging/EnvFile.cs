using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Staging;

/// <summary>
/// Reads <c>NAME=VALUE</c> files (the dotenv subset every tool agrees on): blank lines and <c>#</c> comments
/// skipped, an optional <c>export </c> prefix, values optionally in single or double quotes.
/// </summary>
internal static class EnvFile
{
    /// <summary>Reads the file; a later line for a name wins.</summary>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new BuildpackException(ErrorCodes.InvalidEnvFile, $"The env file '{path}' does not exist.", path);
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses env file text.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string text, string? path = null)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }

            // The line itself is never quoted: it may hold a secret.
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new BuildpackException(
                    ErrorCodes.InvalidEnvFile,
                    $"Line {index + 1} of env file '{path}' is not NAME=VALUE: {MissingPart(equals)}. Write it as NAME=VALUE, or start it with # to make it a comment.",
                    path);
            }

            var name = line[..equals].Trim();
            VariableNames.EnsureValid(name, path, index + 1);
            variables[name] = Unquote(line[(equals + 1)..].Trim());
        }

        return variables;
    }

    /// <summary>Parses one <c>NAME=VALUE</c> argument (the value is taken as is).</summary>
    public static KeyValuePair<string, string> ParseAssignment(string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            // Not echoed: a forgotten NAME= leaves only the value, often a secret.
            throw new BuildpackException(
                ErrorCodes.InvalidVariableName,
                $"A variable given on the command line is not NAME=VALUE: {MissingPart(equals)} (it is not shown, in case it holds a secret). " +
                "Write the variable as NAME=VALUE, e.g. --env MY_SETTING=on.");
        }

        var name = assignment[..equals];
        VariableNames.EnsureValid(name);
        return KeyValuePair.Create(name, assignment[(equals + 1)..]);
    }

    private static string MissingPart(int equals) => equals < 0 ? "it has no '='" : "it has no name before '='";

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\'')
            ? value[1..^1]
            : value;
}
