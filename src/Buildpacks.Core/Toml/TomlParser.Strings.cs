using System.Text;

namespace Buildpacks.Core.Toml;

/// <summary>The four TOML string forms.</summary>
internal sealed partial class TomlParser
{
    /// <summary>Parses <c>"..."</c> at the cursor (single line, escapes allowed).</summary>
    private string ParseBasicString()
    {
        int open = _pos;
        int start = ++_pos;

        // Fast path: no escapes, nothing to reject.
        int i = start;
        while (i < _text.Length)
        {
            char c = _text[i];
            if (c == '"')
            {
                _pos = i + 1;
                return _text.Substring(start, i - start);
            }

            if (c == '\\' || IsControl(c) || char.IsSurrogate(c))
            {
                break;
            }

            i++;
        }

        StringBuilder sb = _buffer.Clear();
        sb.Append(_text, start, i - start);
        _pos = i;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error($"unterminated string (opened at {FormatLocation(open)}): expected '\"'");
            }

            char c = _text[_pos];
            switch (c)
            {
                case '"':
                    _pos++;
                    return sb.ToString();
                case '\\':
                    AppendEscape(sb);
                    break;
                case '\n' or '\r':
                    throw Error($"unterminated string (opened at {FormatLocation(open)}): a basic string cannot span lines, use \"\"\" for a multi-line string");
                default:
                    AppendChecked(sb, "a string");
                    break;
            }
        }
    }

    /// <summary>Parses <c>"""..."""</c> at the cursor.</summary>
    private string ParseMultilineBasicString()
    {
        int open = _pos;
        _pos += 3;
        SkipNewlineAfterOpeningDelimiter();
        StringBuilder sb = _buffer.Clear();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error($"unterminated multi-line string (opened at {FormatLocation(open)}): expected '\"\"\"'");
            }

            char c = _text[_pos];
            switch (c)
            {
                case '"':
                    if (TryCloseMultiline(sb, '"'))
                    {
                        return sb.ToString();
                    }

                    break;
                case '\\':
                    if (!TrySkipLineEndingBackslash())
                    {
                        AppendEscape(sb);
                    }

                    break;
                case '\n' or '\r':
                    ConsumeNewline();
                    sb.Append('\n');
                    break;
                default:
                    AppendChecked(sb, "a string");
                    break;
            }
        }
    }

    /// <summary>Parses <c>'...'</c> at the cursor (single line, no escapes).</summary>
    private string ParseLiteralString()
    {
        int open = _pos;
        int start = ++_pos;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error($"unterminated literal string (opened at {FormatLocation(open)}): expected \"'\"");
            }

            char c = _text[_pos];
            if (c == '\'')
            {
                _pos++;
                return _text.Substring(start, _pos - 1 - start);
            }

            if (c is '\n' or '\r')
            {
                throw Error($"unterminated literal string (opened at {FormatLocation(open)}): a literal string cannot span lines, use ''' for a multi-line string");
            }

            if (IsControl(c))
            {
                throw Error($"{Describe(_pos)} is not allowed in a string");
            }

            SkipCharChecked();
        }
    }

    /// <summary>Parses <c>'''...'''</c> at the cursor.</summary>
    private string ParseMultilineLiteralString()
    {
        int open = _pos;
        _pos += 3;
        SkipNewlineAfterOpeningDelimiter();
        StringBuilder sb = _buffer.Clear();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error($"unterminated multi-line literal string (opened at {FormatLocation(open)}): expected \"'''\"");
            }

            char c = _text[_pos];
            switch (c)
            {
                case '\'':
                    if (TryCloseMultiline(sb, '\''))
                    {
                        return sb.ToString();
                    }

                    break;
                case '\n' or '\r':
                    ConsumeNewline();
                    sb.Append('\n');
                    break;
                default:
                    AppendChecked(sb, "a string");
                    break;
            }
        }
    }

    /// <summary>A newline right after an opening <c>"""</c> or <c>'''</c> is not part of the string.</summary>
    private void SkipNewlineAfterOpeningDelimiter()
    {
        if (_pos < _text.Length && _text[_pos] is '\n' or '\r')
        {
            ConsumeNewline();
        }
    }

    /// <summary>
    /// At a run of quote characters inside a multi-line string: fewer than three are content; three to five close the
    /// string, the extra one or two being content; six or more cannot be written unescaped.
    /// </summary>
    private bool TryCloseMultiline(StringBuilder sb, char quote)
    {
        int run = 0;
        while (_pos + run < _text.Length && _text[_pos + run] == quote)
        {
            run++;
        }

        if (run < 3)
        {
            sb.Append(quote, run);
            _pos += run;
            return false;
        }

        if (run > 5)
        {
            throw ErrorAt(_pos + 5, $"too many {(quote == '"' ? "quotation marks" : "apostrophes")} in a row: at most two may directly precede the closing delimiter{(quote == '"' ? " (escape them as \\\")" : string.Empty)}");
        }

        sb.Append(quote, run - 3);
        _pos += run;
        return true;
    }

    /// <summary>
    /// In a multi-line basic string, a backslash followed by optional whitespace and a newline removes itself and all
    /// following whitespace and newlines. Returns false (cursor unchanged) when the backslash starts an ordinary escape.
    /// </summary>
    private bool TrySkipLineEndingBackslash()
    {
        int i = _pos + 1;
        while (i < _text.Length && _text[i] is ' ' or '\t')
        {
            i++;
        }

        if (i >= _text.Length || _text[i] is not ('\n' or '\r'))
        {
            if (i > _pos + 1)
            {
                throw ErrorAt(_pos, "invalid escape: a backslash followed by whitespace must be the last thing on its line");
            }

            return false;
        }

        _pos = i;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c is ' ' or '\t' or '\n')
            {
                _pos++;
            }
            else if (c == '\r')
            {
                ConsumeNewline();
            }
            else
            {
                break;
            }
        }

        return true;
    }

    /// <summary>Appends the character (or surrogate pair) at the cursor, rejecting control characters and broken UTF-16.</summary>
    private void AppendChecked(StringBuilder sb, string where)
    {
        char c = _text[_pos];
        if (IsControl(c))
        {
            throw Error($"{Describe(_pos)} is not allowed in {where} (use an escape sequence)");
        }

        int before = _pos;
        SkipCharChecked();
        sb.Append(_text, before, _pos - before);
    }

    /// <summary>Parses the escape sequence at the cursor (which is on the backslash) and appends its value.</summary>
    private void AppendEscape(StringBuilder sb)
    {
        int start = _pos;
        _pos++;
        if (_pos >= _text.Length)
        {
            throw ErrorAt(start, "unterminated string: the file ends after a backslash");
        }

        char c = _text[_pos];
        _pos++;
        switch (c)
        {
            case 'b':
                sb.Append('\b');
                return;
            case 't':
                sb.Append('\t');
                return;
            case 'n':
                sb.Append('\n');
                return;
            case 'f':
                sb.Append('\f');
                return;
            case 'r':
                sb.Append('\r');
                return;
            case '"':
                sb.Append('"');
                return;
            case '\\':
                sb.Append('\\');
                return;
            case 'u':
                AppendUnicodeEscape(sb, start, 4);
                return;
            case 'U':
                AppendUnicodeEscape(sb, start, 8);
                return;
            case 'x' or 'e':
                throw ErrorAt(start, $"invalid escape sequence '\\{c}' (it is only valid from TOML 1.1; this reader implements TOML 1.0)");
            default:
                throw ErrorAt(start, $"invalid escape sequence '\\' followed by {Describe(_pos - 1)}; valid escapes are \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX and \\UXXXXXXXX");
        }
    }

    private void AppendUnicodeEscape(StringBuilder sb, int start, int digits)
    {
        int value = 0;
        for (int k = 0; k < digits; k++)
        {
            int d = _pos < _text.Length ? HexValue(_text[_pos]) : -1;
            if (d < 0)
            {
                throw ErrorAt(start, $"invalid escape sequence: \\{(digits == 4 ? 'u' : 'U')} must be followed by exactly {digits} hexadecimal digits");
            }

            // At most 8 digits: the value fits in an unsigned 32-bit number, checked below before use.
            value = unchecked((value << 4) | d);
            _pos++;
        }

        uint scalar = unchecked((uint)value);
        if (scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF))
        {
            throw ErrorAt(start, $"invalid escape sequence: U+{scalar:X} is not a Unicode scalar value");
        }

        if (scalar < 0x10000)
        {
            sb.Append((char)scalar);
        }
        else
        {
            uint above = scalar - 0x10000;
            sb.Append((char)(0xD800 + (above >> 10))).Append((char)(0xDC00 + (above & 0x3FF)));
        }
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
