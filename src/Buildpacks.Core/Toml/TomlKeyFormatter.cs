using System.Globalization;
using System.Text;

namespace Buildpacks.Core.Toml;

/// <summary>Renders keys, characters and value types for error messages.</summary>
internal static class TomlKeyFormatter
{
    /// <summary>A key in double quotes with JSON-like escapes, e.g. <c>"name"</c>.</summary>
    public static string Quote(string key)
    {
        var sb = new StringBuilder(key.Length + 2);
        AppendQuoted(sb, key);
        return sb.ToString();
    }

    /// <summary>
    /// A dotted key path for messages: <c>"fruit.apple"</c> when every segment is a bare key, otherwise the TOML
    /// spelling with quoted segments, e.g. <c>site."google.com"</c> or <c>""</c>.
    /// </summary>
    public static string Path(IReadOnlyList<string> segments, int count)
    {
        string toml = TomlSpelling(segments, count);
        for (int i = 0; i < count; i++)
        {
            if (!IsBare(segments[i]))
            {
                return toml;
            }
        }

        return $"\"{toml}\"";
    }

    /// <summary>The key as it could be written in TOML: bare segments as they are, others as basic strings.</summary>
    public static string TomlSpelling(IReadOnlyList<string> segments, int count)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                sb.Append('.');
            }

            if (IsBare(segments[i]))
            {
                sb.Append(segments[i]);
            }
            else
            {
                AppendQuoted(sb, segments[i]);
            }
        }

        return sb.ToString();
    }

    public static bool IsBareKeyChar(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-';

    public static string DescribeChar(string text, int index)
    {
        if (index >= text.Length)
        {
            return "end of file";
        }

        char c = text[index];
        return c switch
        {
            '\n' => "end of line",
            '\r' when index + 1 < text.Length && text[index + 1] == '\n' => "end of line",
            '\r' => "carriage return",
            '\t' => "tab",
            ' ' => "space",
            '\'' => "\"'\"",
            _ when char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) =>
                $"'{text.Substring(index, 2)}' (U+{char.ConvertToUtf32(c, text[index + 1]):X4})",
            _ when char.IsSurrogate(c) => $"unpaired surrogate U+{(int)c:X4}",
            _ when c < ' ' || c == '\u007F' => $"control character U+{(int)c:X4}",
            _ when c > '\u007F' => $"'{c}' (U+{(int)c:X4})",
            _ => $"'{c}'",
        };
    }

    public static string DescribeType(object value) => value switch
    {
        string => "a string",
        long => "an integer",
        double => "a float",
        bool => "a boolean",
        TomlDateTime dt => "a " + TomlDateTime.Describe(dt.Kind),
        TomlArray { IsArrayOfTables: true } => "an array of tables",
        TomlArray => "an array",
        TomlTable { Kind: TomlTableKind.Inline } => "an inline table",
        TomlTable => "a table",
        _ => value.GetType().Name,
    };

    private static bool IsBare(string segment)
    {
        if (segment.Length == 0)
        {
            return false;
        }

        foreach (char c in segment)
        {
            if (!IsBareKeyChar(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendQuoted(StringBuilder sb, string key)
    {
        sb.Append('"');
        AppendEscaped(sb, key);
        sb.Append('"');
    }

    private static void AppendEscaped(StringBuilder sb, string value)
    {
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                default:
                    if (c < ' ' || c == '\u007F')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }
    }
}
