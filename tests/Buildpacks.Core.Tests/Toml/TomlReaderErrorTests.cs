using Buildpacks.Core.Toml;

namespace Buildpacks.Core.Tests.Toml;

/// <summary>Malformed input: the exception type, the 1-based line/column and a readable message.</summary>
public sealed class TomlReaderErrorTests
{
    [Theory]
    [InlineData("name \"Tom\"", 1, 6, "expected '=' after key \"name\" but found '\"'")]
    [InlineData("a = 1\nb = 2\nname value", 3, 6, "expected '=' after key \"name\" but found 'v'")]
    [InlineData("a = 1\r\nb = 2\r\nc =\r\n", 3, 4, "expected a value for key \"c\" but found end of line")]
    [InlineData("[a]\nx = 1\n[a]\n", 3, 1, "table [a] is defined more than once")]
    [InlineData("x = 1\nx = 2\n", 2, 1, "duplicate key \"x\": it is already defined as an integer")]
    [InlineData("s = \"unterminated\n", 1, 18, "unterminated string (opened at line 1, column 5): a basic string cannot span lines, use \"\"\" for a multi-line string")]
    [InlineData("a = [1, 2\nb = 3\n", 2, 1, "expected ',' or ']' after an array element but found 'b'")]
    [InlineData("t = {a = 1,}\n", 1, 12, "a trailing comma is not allowed in an inline table")]
    [InlineData("n = 9223372036854775808\n", 1, 5, "integer 9223372036854775808 is out of range: TOML integers must fit in 64 bits (-9223372036854775808 to 9223372036854775807)")]
    [InlineData("n = 012\n", 1, 5, "leading zeros are not allowed in decimal numbers")]
    [InlineData("s = \"\\q\"\n", 1, 6, "invalid escape sequence '\\' followed by 'q'; valid escapes are \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX and \\UXXXXXXXX")]
    [InlineData("s = \"\\e\"\n", 1, 6, "invalid escape sequence '\\e' (it is only valid from TOML 1.1; this reader implements TOML 1.0)")]
    [InlineData("d = 2023-02-29\n", 1, 5, "invalid date: 2023-02 has no day 29")]
    [InlineData("t = 23:59:60\n", 1, 5, "unsupported time 23:59:60: leap seconds cannot be represented")]
    [InlineData("a = true\r", 1, 9, "a carriage return must be followed by a line feed (lone CR is not a valid line ending)")]
    [InlineData("a = \"x\" # tab\tok, bell\u0007 not\n", 1, 23, "control character U+0007 is not allowed in a comment")]
    [InlineData("a = yes\n", 1, 5, "invalid value for key \"a\": an unquoted word of 3 characters (strings must be quoted; booleans are lowercase true/false)")]
    [InlineData("[tool]\nname = \"x\" extra\n", 2, 12, "unexpected 'e' after the value of key \"name\"; expected a newline or a comment")]
    [InlineData("a.b = 1\n[a]\n", 2, 1, "table [a] is already defined by dotted keys and cannot be defined again by a header")]
    [InlineData("a = {b = 1}\na.c = 2\n", 2, 1, "cannot add keys to \"a\": it is an inline table, and inline tables cannot be extended")]
    [InlineData("a.b = 1\n[a.b]\n", 2, 1, "cannot define table [a.b]: the key is already defined as an integer")]
    [InlineData("\"a b\".c = 1\n\"a b\".c = 2\n", 2, 7, "duplicate key \"a b\".c: it is already defined as an integer")]
    public void Malformed_input_reports_line_column_and_reason(string toml, int line, int column, string reason)
    {
        var error = Assert.Throws<TomlException>(() => TomlReader.Parse(toml));

        Assert.Equal(reason, error.Reason);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Null(error.FilePath);
        Assert.Equal($"line {line}, column {column}: {reason}", error.Message);
    }

    [Fact]
    public void Columns_count_code_points_not_utf16_units()
    {
        // '😀' is one code point but two UTF-16 units; 'é' is one of each.
        var error = Assert.Throws<TomlException>(() => TomlReader.Parse("s = \"é😀\" x\n"));

        Assert.Equal(1, error.Line);
        Assert.Equal(10, error.Column);
    }

    [Fact]
    public void TomlException_is_a_FormatException()
    {
        FormatException error = Assert.Throws<TomlException>(() => TomlReader.Parse("="));
        Assert.IsType<TomlException>(error);
    }

    [Fact]
    public void Deeply_nested_arrays_are_rejected_instead_of_overflowing_the_stack()
    {
        string deep = "a = " + new string('[', 100_000) + new string(']', 100_000);

        var error = Assert.Throws<TomlException>(() => TomlReader.Parse(deep));

        Assert.Contains("nested more than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_fine()
    {
        int depth = 100;
        TomlTable table = TomlReader.Parse("a = " + new string('[', depth) + "1" + new string(']', depth));

        object value = table["a"];
        for (int i = 0; i < depth; i++)
        {
            value = Assert.Single(Assert.IsType<TomlArray>(value));
        }

        Assert.Equal(1L, value);
    }

    [Fact]
    public void Unpaired_surrogates_in_a_string_argument_are_rejected()
    {
        Assert.Throws<TomlException>(() => TomlReader.Parse("s = \"\uD800\"\n"));
        Assert.Throws<TomlException>(() => TomlReader.Parse("s = '\uDC00'\n"));
        Assert.Throws<TomlException>(() => TomlReader.Parse("# \uD800\n"));
    }

    [Fact]
    public void Null_text_is_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>(() => TomlReader.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => TomlReader.ParseFile(null!));
    }
}
