namespace Buildpacks.Core.Toml;

/// <summary>
/// Raised when a TOML document is malformed, or when a value read through one of the
/// <see cref="TomlTable"/> getters has a different type than the caller asked for.
/// The message always starts with the location, e.g. <c>line 3, column 7: expected '=' after key "name"</c>,
/// prefixed with the file path when the document came from a file.
/// </summary>
public sealed class TomlException : FormatException
{
    public TomlException(string reason, int line, int column, string? filePath = null)
        : base(FormatMessage(reason, line, column, filePath))
    {
        Reason = reason;
        Line = line;
        Column = column;
        FilePath = filePath;
    }

    /// <summary>1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>1-based column (in Unicode code points) of the problem.</summary>
    public int Column { get; }

    /// <summary>The file the document was read from, or <see langword="null"/> for <see cref="TomlReader.Parse"/>.</summary>
    public string? FilePath { get; }

    /// <summary>The description of the problem without the location prefix.</summary>
    internal string Reason { get; }

    private static string FormatMessage(string reason, int line, int column, string? filePath) =>
        filePath is null
            ? $"line {line}, column {column}: {reason}"
            : $"{filePath}: line {line}, column {column}: {reason}";
}
