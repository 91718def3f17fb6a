using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Buildpacks.Core.Diagnostics;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Buildpacks.Core.Toml;

/// <summary>
/// The one way the engine reads and writes TOML (through Tomlyn). Reading runs Tomlyn's syntax parser with its
/// semantic checks (duplicate keys, tables defined twice), which its serializer alone does not make, and hands the
/// first problem to the consumer, who turns it into its own coded error. Tomlyn implements TOML 1.1, so a few forms
/// TOML 1.0 rejects are accepted; the README and the conformance test list them.
/// </summary>
internal static partial class TomlDocument
{
    // Written files are the same on every machine.
    private static readonly TomlSerializerOptions WriteOptions = new()
    {
        NewLine = TomlNewLineKind.Lf,
        DottedKeyHandling = TomlDottedKeyHandling.Literal,
    };

    /// <summary>Parses a document; keys keep their document order. Values are <see cref="string"/>, <see cref="long"/>,
    /// <see cref="double"/>, <see cref="bool"/>, <see cref="TomlDateTime"/>, <see cref="TomlArray"/>,
    /// <see cref="TomlTableArray"/> (<c>[[name]]</c>) or <see cref="TomlTable"/>.</summary>
    /// <param name="text">The document; one leading byte order mark is allowed.</param>
    /// <param name="invalid">Makes the consumer's coded error when the document is not valid TOML.</param>
    public static TomlTable Parse(string text, Func<TomlProblem, BuildpackException> invalid)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(invalid);
        try
        {
            var syntax = SyntaxParser.Parse(text, sourceName: null, validate: true);
            foreach (var message in syntax.Diagnostics)
            {
                if (message.Kind == DiagnosticMessageKind.Error)
                {
                    throw invalid(new TomlProblem(message.Span.Start.Line + 1, message.Span.Start.Column + 1, Unechoed(message.Message, text, message.Span.Start.Line)));
                }
            }

            // Tomlyn wraps hexadecimal and binary integers of 2^63 and more to negative values; TOML asks for an error.
            if (syntax.Descendants().OfType<IntegerValueSyntax>().FirstOrDefault(i => i.Value < 0 && i.Token?.Text is ['0', 'x' or 'b', ..]) is { } wrapped)
            {
                throw invalid(new TomlProblem(
                    wrapped.Span.Start.Line + 1,
                    wrapped.Span.Start.Column + 1,
                    $"the integer {wrapped.Token!.Text} does not fit in 64 bits (at most 9223372036854775807)"));
            }

            return TomlSerializer.Deserialize<TomlTable>(text) ?? new TomlTable();
        }
        catch (TomlException ex)
        {
            // What the syntax tree does not report (too deep nesting) Tomlyn throws.
            throw invalid(new TomlProblem(ex.Line ?? 1, ex.Column ?? 1, Unechoed(ex.Diagnostics is { Count: > 0 } d ? d[0].Message : ex.Message, text, (ex.Line ?? 1) - 1)));
        }
    }

    /// <summary>
    /// Reads and parses a file, which must be UTF-8 (a leading byte order mark is allowed); invalid UTF-8 is a problem
    /// at the line and column where it starts, not a replacement character.
    /// </summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static TomlTable ParseFile(string path, Func<TomlProblem, BuildpackException> invalid)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(invalid);
        byte[] bytes = File.ReadAllBytes(path);
        if (!Utf8.IsValid(bytes))
        {
            throw invalid(InvalidUtf8(bytes));
        }

        // GetString keeps a byte order mark as U+FEFF: Tomlyn skips one at the start and rejects any other.
        return Parse(Encoding.UTF8.GetString(bytes), invalid);
    }

    /// <summary>TOML text for a table built in code: tables as <c>[headers]</c> unless created inline, keys in insertion order, LF line ends.</summary>
    public static string Write(TomlTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return TomlSerializer.Serialize(table, WriteOptions);
    }

    /// <summary>A value's TOML type for messages, e.g. <c>an integer</c> or <c>an array of tables</c>.</summary>
    public static string Describe(object? value) => value switch
    {
        string => "a string",
        long => "an integer",
        double => "a float",
        bool => "a boolean",
        TomlDateTime { Kind: TomlDateTimeKind.LocalDate } => "a local date",
        TomlDateTime { Kind: TomlDateTimeKind.LocalTime } => "a local time",
        TomlDateTime { Kind: TomlDateTimeKind.LocalDateTime } => "a local date-time",
        TomlDateTime => "an offset date-time",
        TomlTableArray => "an array of tables",
        TomlArray => "an array",
        TomlTable { Kind: ObjectKind.InlineTable } => "an inline table",
        TomlTable => "a table",
        null => "nothing",
        _ => value.GetType().Name,
    };

    private static TomlProblem InvalidUtf8(byte[] bytes)
    {
        char[] chars = new char[bytes.Length];
        OperationStatus status = Utf8.ToUtf16(bytes, chars, out int bytesRead, out int charsWritten, replaceInvalidSequences: false, isFinalBlock: false);
        int line = 1;
        int column = 1;
        for (int i = charsWritten > 0 && chars[0] == '\uFEFF' ? 1 : 0; i < charsWritten; i++)
        {
            if (chars[i] == '\n')
            {
                line++;
                column = 1;
            }
            else if (!char.IsLowSurrogate(chars[i]))
            {
                column++;
            }
        }

        string reason = status == OperationStatus.NeedMoreData
            ? "the file ends in the middle of a UTF-8 sequence"
            : $"invalid UTF-8 byte 0x{bytes[bytesRead]:X2} at byte offset {bytesRead} (TOML files must be UTF-8 encoded)";
        return new TomlProblem(line, column, reason);
    }

    /// <summary>
    /// Tomlyn quotes the token it stopped at; in a document an exec.d program wrote, that token may be the start of a
    /// secret whose quotes were forgotten. Such a value is named by its key instead.
    /// </summary>
    private static string Unechoed(string reason, string text, int zeroBasedLine)
    {
        if (reason.Contains("for a value", StringComparison.Ordinal))
        {
            var key = KeyOnLine(text, zeroBasedLine);
            var subject = key is null ? "a value" : $"the value of key \"{key}\"";
            return $"{subject} is not a TOML value (strings must be quoted; booleans are lowercase true/false)";
        }

        return reason;
    }

    private static string? KeyOnLine(string text, int zeroBasedLine)
    {
        var line = text.Split('\n').ElementAtOrDefault(zeroBasedLine);
        var equals = line?.IndexOf('=', StringComparison.Ordinal) ?? -1;
        if (equals <= 0)
        {
            return null;
        }

        var key = line![..equals].Trim();
        return BareKey().IsMatch(key) ? key : null;
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,128}$")]
    private static partial Regex BareKey();
}
