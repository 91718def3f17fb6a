using System.Text;

namespace Buildpacks.Core.Toml;

/// <summary>
/// A single-use, hand-written recursive-descent parser for TOML 1.0.0 over a string. One instance parses one document.
/// </summary>
internal sealed partial class TomlParser
{
    /// <summary>Arrays and inline tables nested deeper than this are rejected instead of risking a stack overflow.</summary>
    internal const int MaxNestingDepth = 128;

    private readonly string _text;
    private readonly string? _filePath;
    private readonly TomlTable _root;
    private readonly List<string> _keyNames = [];
    private readonly List<int> _keyOffsets = [];
    private readonly StringBuilder _buffer = new();
    private TomlTable _current;
    private int _pos;
    private int _depth;
    private int _start;
    private int _keyEnd;

    // Incremental offset -> line/column tracking (calls are almost always monotonic).
    private int _locOffset;
    private int _locLine = 1;
    private int _locColumn = 1;

    public TomlParser(string text, string? filePath)
    {
        _text = text;
        _filePath = filePath;
        _root = new TomlTable(TomlTableKind.Header, filePath);
        _current = _root;
    }

    public TomlTable ParseDocument()
    {
        // A single leading byte order mark is allowed (ParseFile keeps it in the decoded text so that a second one is caught).
        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            _start = _pos = _locOffset = 1;
        }

        while (true)
        {
            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                return _root;
            }

            char c = _text[_pos];
            if (c == '[')
            {
                ParseTableHeader();
                ExpectLineEnd(LineContext.TableHeader);
            }
            else if (c is '#' or '\n' or '\r')
            {
                ExpectLineEnd(LineContext.Blank);
            }
            else
            {
                var (keyStart, keyEnd) = ParseKeyValue(_current);
                ExpectLineEnd(LineContext.KeyValue, keyStart, keyEnd);
            }
        }
    }

    private enum LineContext
    {
        Blank,
        TableHeader,
        KeyValue,
    }

    // ---------------------------------------------------------------- lines, whitespace, comments

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t')
        {
            _pos++;
        }
    }

    /// <summary>Skips whitespace, comments and newlines (inside arrays).</summary>
    private void SkipWhitespaceCommentsAndNewlines()
    {
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
            else if (c == '#')
            {
                SkipComment();
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>After a statement: optional whitespace and comment, then a newline or the end of the document.</summary>
    private void ExpectLineEnd(LineContext context, int keyStart = 0, int keyEnd = 0)
    {
        SkipWhitespace();
        if (_pos >= _text.Length)
        {
            return;
        }

        if (_text[_pos] == '#')
        {
            SkipComment();
            if (_pos >= _text.Length)
            {
                return;
            }
        }

        char c = _text[_pos];
        if (c is '\n' or '\r')
        {
            ConsumeNewline();
            return;
        }

        string where = context switch
        {
            LineContext.TableHeader => "after the table header",
            LineContext.KeyValue => $"after the value of key {RawKey(keyStart, keyEnd)}",
            _ => "here",
        };
        throw Error($"unexpected {Describe(_pos)} {where}; expected a newline or a comment");
    }

    /// <summary>Consumes LF or CR LF at the cursor; a carriage return not followed by a line feed is an error.</summary>
    private void ConsumeNewline()
    {
        if (_text[_pos] == '\n')
        {
            _pos++;
            return;
        }

        if (_pos + 1 < _text.Length && _text[_pos + 1] == '\n')
        {
            _pos += 2;
            return;
        }

        throw Error("a carriage return must be followed by a line feed (lone CR is not a valid line ending)");
    }

    /// <summary>Skips from '#' to (not including) the line ending, rejecting control characters.</summary>
    private void SkipComment()
    {
        _pos++;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '\n' || (c == '\r' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n'))
            {
                return;
            }

            if (IsControl(c))
            {
                throw Error($"{Describe(_pos)} is not allowed in a comment");
            }

            SkipCharChecked();
        }
    }

    /// <summary>Advances over one character, or a surrogate pair; an unpaired surrogate is an error.</summary>
    private void SkipCharChecked()
    {
        char c = _text[_pos];
        if (char.IsSurrogate(c))
        {
            if (!char.IsHighSurrogate(c) || _pos + 1 >= _text.Length || !char.IsLowSurrogate(_text[_pos + 1]))
            {
                throw Error($"{Describe(_pos)} is not valid Unicode text");
            }

            _pos += 2;
            return;
        }

        _pos++;
    }

    /// <summary>Control characters TOML forbids outside of escapes: U+0000..U+001F except tab, and U+007F.</summary>
    private static bool IsControl(char c) => (c < ' ' && c != '\t') || c == '\u007F';

    // ---------------------------------------------------------------- keys

    /// <summary>Parses a (possibly dotted) key into <see cref="_keyNames"/>/<see cref="_keyOffsets"/>; leaves the cursor after trailing whitespace.</summary>
    private void ParseKey()
    {
        _keyNames.Clear();
        _keyOffsets.Clear();
        while (true)
        {
            SkipWhitespace();
            int start = _pos;
            _keyNames.Add(ParseSimpleKey());
            _keyOffsets.Add(start);
            _keyEnd = _pos;
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] == '.')
            {
                _pos++;
                continue;
            }

            return;
        }
    }

    private string ParseSimpleKey()
    {
        if (_pos >= _text.Length)
        {
            throw Error("expected a key but found the end of the file");
        }

        char c = _text[_pos];
        if (c == '"')
        {
            if (StartsWith("\"\"\""))
            {
                throw Error("a multi-line string cannot be used as a key");
            }

            return ParseBasicString();
        }

        if (c == '\'')
        {
            if (StartsWith("'''"))
            {
                throw Error("a multi-line string cannot be used as a key");
            }

            return ParseLiteralString();
        }

        int start = _pos;
        while (_pos < _text.Length && TomlKeyFormatter.IsBareKeyChar(_text[_pos]))
        {
            _pos++;
        }

        if (_pos == start)
        {
            string found = Describe(_pos);
            if (_keyNames.Count > 0)
            {
                throw Error($"expected a key after '.' but found {found}");
            }

            throw Error($"expected a key but found {found} (bare keys may only contain A-Z, a-z, 0-9, '_' and '-'; quote other keys)");
        }

        return _text.Substring(start, _pos - start);
    }

    private string CurrentKeyPath() => TomlKeyFormatter.Path(_keyNames, _keyNames.Count);

    /// <summary>A key as written in the document, for messages: <c>"name"</c>, <c>"a.b"</c>, <c>"quoted key"</c>.</summary>
    private string RawKey(int start, int end)
    {
        string raw = _text.Substring(start, end - start);
        return raw.Contains('"', StringComparison.Ordinal) || raw.Contains('\'', StringComparison.Ordinal) ? raw : $"\"{raw}\"";
    }

    private string ValueContext(int keyStart, int keyEnd) =>
        keyStart < 0 ? "in the array" : $"for key {RawKey(keyStart, keyEnd)}";

    /// <summary>Parses <c>key = value</c> into <paramref name="table"/>; returns where the key is in the text (for messages).</summary>
    private (int KeyStart, int KeyEnd) ParseKeyValue(TomlTable table)
    {
        ParseKey();
        int keyStart = _keyOffsets[0];
        int keyEnd = _keyEnd;
        if (_pos >= _text.Length || _text[_pos] != '=')
        {
            throw Error($"expected '=' after key {CurrentKeyPath()} but found {Describe(_pos)}");
        }

        _pos++;

        // Resolve the parent and check for duplicates before parsing the value: the value may contain inline
        // tables that reuse the key buffers, and locations are computed in document order.
        TomlTable parent = ResolveDottedKeyParent(table);
        string name = _keyNames[^1];
        int keyOffset = _keyOffsets[^1];
        var (line, column) = Location(keyOffset);

        SkipWhitespace();
        object value = ParseValue(keyStart, keyEnd);
        parent.Add(name, value, line, column);
        return (keyStart, keyEnd);
    }

    /// <summary>
    /// Walks (creating as needed) the tables named by all but the last dotted-key segment, starting at <paramref name="table"/>.
    /// Only tables that were themselves created by dotted keys may be extended this way.
    /// </summary>
    private TomlTable ResolveDottedKeyParent(TomlTable table)
    {
        int last = _keyNames.Count - 1;
        for (int i = 0; i < last; i++)
        {
            string name = _keyNames[i];
            if (table.TryGetValue(name, out object? existing))
            {
                if (existing is TomlTable { Kind: TomlTableKind.Dotted } dotted)
                {
                    table = dotted;
                    continue;
                }

                string path = TomlKeyFormatter.Path(_keyNames, i + 1);
                throw ErrorAt(_keyOffsets[i], existing switch
                {
                    TomlTable { Kind: TomlTableKind.Inline } => $"cannot add keys to {path}: it is an inline table, and inline tables cannot be extended",
                    TomlTable { Kind: TomlTableKind.Implicit } => $"cannot add keys to table {path} with dotted keys: the table was already created by a [table] header for one of its sub-tables",
                    TomlTable => $"cannot add keys to table {path} with dotted keys: it is already defined by a [table] header",
                    _ => $"cannot use {path} as a table: it is already defined as {TomlKeyFormatter.DescribeType(existing)}",
                });
            }

            var created = new TomlTable(TomlTableKind.Dotted, _filePath);
            var (line, column) = Location(_keyOffsets[i]);
            table.Add(name, created, line, column);
            table = created;
        }

        if (table.TryGetValue(_keyNames[last], out object? previous))
        {
            throw ErrorAt(_keyOffsets[last], $"duplicate key {CurrentKeyPath()}: it is already defined as {TomlKeyFormatter.DescribeType(previous)}");
        }

        return table;
    }

    // ---------------------------------------------------------------- table headers

    private void ParseTableHeader()
    {
        int headerStart = _pos;
        bool arrayOfTables = _pos + 1 < _text.Length && _text[_pos + 1] == '[';
        _pos += arrayOfTables ? 2 : 1;

        ParseKey();
        if (_pos >= _text.Length || _text[_pos] != ']')
        {
            throw Error($"expected '{(arrayOfTables ? "]]" : "]")}' to close the table header but found {Describe(_pos)}");
        }

        _pos++;
        if (arrayOfTables)
        {
            if (_pos >= _text.Length || _text[_pos] != ']')
            {
                throw Error($"expected ']]' to close the array-of-tables header but found {Describe(_pos)}");
            }

            _pos++;
        }

        string spelling = TomlKeyFormatter.TomlSpelling(_keyNames, _keyNames.Count);
        string header = arrayOfTables ? $"[[{spelling}]]" : $"[{spelling}]";
        TomlTable parent = ResolveHeaderParent(header);
        string name = _keyNames[^1];
        int offset = _keyOffsets[^1];
        parent.TryGetValue(name, out object? existing);

        if (arrayOfTables)
        {
            var element = new TomlTable(TomlTableKind.Header, _filePath);
            if (existing is null)
            {
                var array = new TomlArray(isArrayOfTables: true);
                array.Add(element);
                var (line, column) = Location(offset);
                parent.Add(name, array, line, column);
            }
            else if (existing is TomlArray { IsArrayOfTables: true } array)
            {
                array.Add(element);
            }
            else
            {
                throw ErrorAt(headerStart, $"cannot define array of tables {header}: the key is already defined as {TomlKeyFormatter.DescribeType(existing)}");
            }

            _current = element;
            return;
        }

        switch (existing)
        {
            case null:
                var table = new TomlTable(TomlTableKind.Header, _filePath);
                var (line, column) = Location(offset);
                parent.Add(name, table, line, column);
                _current = table;
                return;
            case TomlTable { Kind: TomlTableKind.Implicit } implicitTable:
                implicitTable.Kind = TomlTableKind.Header;
                _current = implicitTable;
                return;
            case TomlTable { Kind: TomlTableKind.Header }:
                throw ErrorAt(headerStart, $"table {header} is defined more than once");
            case TomlTable { Kind: TomlTableKind.Dotted }:
                throw ErrorAt(headerStart, $"table {header} is already defined by dotted keys and cannot be defined again by a header");
            default:
                throw ErrorAt(headerStart, $"cannot define table {header}: the key is already defined as {TomlKeyFormatter.DescribeType(existing)}");
        }
    }

    /// <summary>Walks (creating implicit tables as needed) all but the last segment of a header key, from the root.</summary>
    private TomlTable ResolveHeaderParent(string header)
    {
        TomlTable table = _root;
        int last = _keyNames.Count - 1;
        for (int i = 0; i < last; i++)
        {
            string name = _keyNames[i];
            if (!table.TryGetValue(name, out object? existing))
            {
                var created = new TomlTable(TomlTableKind.Implicit, _filePath);
                var (line, column) = Location(_keyOffsets[i]);
                table.Add(name, created, line, column);
                table = created;
                continue;
            }

            switch (existing)
            {
                case TomlTable { Kind: TomlTableKind.Inline }:
                    throw ErrorAt(_keyOffsets[i], $"cannot define {header}: {TomlKeyFormatter.Path(_keyNames, i + 1)} is an inline table, and inline tables cannot be extended");
                case TomlTable child:
                    table = child;
                    break;
                case TomlArray { IsArrayOfTables: true } array:
                    // Sub-tables of an array of tables belong to its most recently defined element.
                    table = (TomlTable)array[^1];
                    break;
                default:
                    throw ErrorAt(_keyOffsets[i], $"cannot define {header}: {TomlKeyFormatter.Path(_keyNames, i + 1)} is already defined as {TomlKeyFormatter.DescribeType(existing)}");
            }
        }

        return table;
    }

    // ---------------------------------------------------------------- values

    /// <summary>Parses the value at the cursor; <paramref name="keyStart"/> &lt; 0 means an array element (for messages).</summary>
    private object ParseValue(int keyStart, int keyEnd)
    {
        if (_pos >= _text.Length)
        {
            throw Error($"expected a value {ValueContext(keyStart, keyEnd)} but found the end of the file");
        }

        char c = _text[_pos];
        switch (c)
        {
            case '"':
                return StartsWith("\"\"\"") ? ParseMultilineBasicString() : ParseBasicString();
            case '\'':
                return StartsWith("'''") ? ParseMultilineLiteralString() : ParseLiteralString();
            case '[':
                return ParseArray();
            case '{':
                return ParseInlineTable();
            case 't' when StartsWithWord("true"):
                _pos += 4;
                return true;
            case 'f' when StartsWithWord("false"):
                _pos += 5;
                return false;
            case 'i' or 'n' or '+' or '-' or (>= '0' and <= '9'):
                return ParseNumberOrDateTime();
            case '\n' or '\r' or '#':
                throw Error($"expected a value {ValueContext(keyStart, keyEnd)} but found {Describe(_pos)}");
            default:
                if (TomlKeyFormatter.IsBareKeyChar(c))
                {
                    int end = _pos;
                    while (end < _text.Length && TomlKeyFormatter.IsBareKeyChar(_text[end]))
                    {
                        end++;
                    }

                    // The word is not quoted: exec.d programs write secrets, and a missing pair of quotes must not print one.
                    throw Error($"invalid value {ValueContext(keyStart, keyEnd)}: an unquoted word of {end - _pos} characters (strings must be quoted; booleans are lowercase true/false)");
                }

                throw Error($"expected a value {ValueContext(keyStart, keyEnd)} but found {Describe(_pos)}");
        }
    }

    private TomlArray ParseArray()
    {
        int open = _pos;
        _pos++;
        EnterNesting(open);
        var array = new TomlArray(isArrayOfTables: false);
        while (true)
        {
            SkipWhitespaceCommentsAndNewlines();
            if (_pos >= _text.Length)
            {
                throw ErrorAt(_pos, $"unterminated array (opened at {FormatLocation(open)}): expected ']'");
            }

            char c = _text[_pos];
            if (c == ']')
            {
                _pos++;
                _depth--;
                return array;
            }

            if (c == ',')
            {
                throw Error("expected a value in the array but found ','");
            }

            array.Add(ParseValue(-1, -1));
            SkipWhitespaceCommentsAndNewlines();
            if (_pos >= _text.Length)
            {
                throw ErrorAt(_pos, $"unterminated array (opened at {FormatLocation(open)}): expected ',' or ']'");
            }

            c = _text[_pos];
            if (c == ',')
            {
                _pos++;
            }
            else if (c != ']')
            {
                throw Error($"expected ',' or ']' after an array element but found {Describe(_pos)}");
            }
        }
    }

    private TomlTable ParseInlineTable()
    {
        int open = _pos;
        _pos++;
        EnterNesting(open);
        var table = new TomlTable(TomlTableKind.Inline, _filePath);
        SkipWhitespace();
        if (_pos < _text.Length && _text[_pos] == '}')
        {
            _pos++;
            _depth--;
            return table;
        }

        bool afterComma = false;
        while (true)
        {
            SkipWhitespace();
            CheckInlineTableContinues(open, expectingKey: true, afterComma);
            ParseKeyValue(table);
            SkipWhitespace();
            CheckInlineTableContinues(open, expectingKey: false, afterComma: false);
            char c = _text[_pos];
            if (c == '}')
            {
                _pos++;
                _depth--;
                return table;
            }

            if (c != ',')
            {
                throw Error($"expected ',' or '}}' in the inline table but found {Describe(_pos)}");
            }

            _pos++;
            afterComma = true;
        }
    }

    private void CheckInlineTableContinues(int open, bool expectingKey, bool afterComma)
    {
        if (_pos >= _text.Length)
        {
            throw Error($"unterminated inline table (opened at {FormatLocation(open)}): expected '}}'");
        }

        switch (_text[_pos])
        {
            case '\n' or '\r':
                throw Error("newlines are not allowed inside an inline table (TOML 1.0 inline tables must be on one line)");
            case '#':
                throw Error("comments are not allowed inside an inline table");
            case '}' when afterComma:
                throw Error("a trailing comma is not allowed in an inline table");
            case ',' when expectingKey:
                throw Error("expected a key in the inline table but found ','");
        }
    }

    private void EnterNesting(int open)
    {
        if (++_depth > MaxNestingDepth)
        {
            throw ErrorAt(open, $"arrays and inline tables are nested more than {MaxNestingDepth} levels deep");
        }
    }

    // ---------------------------------------------------------------- helpers

    private bool StartsWith(string s) => _text.AsSpan(_pos).StartsWith(s, StringComparison.Ordinal);

    /// <summary>True when <paramref name="word"/> is at the cursor and not followed by another bare-key character.</summary>
    private bool StartsWithWord(string word) =>
        StartsWith(word) && (_pos + word.Length >= _text.Length || !TomlKeyFormatter.IsBareKeyChar(_text[_pos + word.Length]));

    private string Describe(int index) => TomlKeyFormatter.DescribeChar(_text, index);

    private TomlException Error(string reason) => ErrorAt(_pos, reason);

    private TomlException ErrorAt(int offset, string reason)
    {
        var (line, column) = Location(offset);
        return new TomlException(reason, line, column, _filePath);
    }

    private string FormatLocation(int offset)
    {
        var (line, column) = Location(offset);
        return $"line {line}, column {column}";
    }

    /// <summary>1-based line and column (in code points) of a character offset.</summary>
    private (int Line, int Column) Location(int offset)
    {
        offset = Math.Clamp(offset, _start, _text.Length);
        if (offset < _locOffset)
        {
            // Rare (error reporting about an earlier position): restart from the beginning.
            _locOffset = _start;
            _locLine = 1;
            _locColumn = 1;
        }

        for (int i = _locOffset; i < offset; i++)
        {
            char c = _text[i];
            if (c == '\n')
            {
                _locLine++;
                _locColumn = 1;
            }
            else if (!char.IsLowSurrogate(c) || i == 0 || !char.IsHighSurrogate(_text[i - 1]))
            {
                _locColumn++;
            }
        }

        _locOffset = offset;
        return (_locLine, _locColumn);
    }
}
