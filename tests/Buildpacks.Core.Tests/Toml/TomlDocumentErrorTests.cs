using System.Text;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Toml;
using Tomlyn.Model;

namespace Buildpacks.Core.Tests.Toml;

/// <summary>Rejected documents: the consumer's coded error, the 1-based line and column, Tomlyn's reason; file decoding.</summary>
public sealed class TomlDocumentErrorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("toml-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("name \"Tom\"", 1, 6, "after a key")]
    [InlineData("a = 1\nb = 2\nname value", 3, 6, "after a key")]
    [InlineData("[a]\nx = 1\n[a]\n", 3, 1, "already defined")]
    [InlineData("x = 1\nx = 2\n", 2, 1, "already defined")]
    [InlineData("s = \"unterminated\n", 1, 18, "newline")]
    [InlineData("n = 9223372036854775808\n", 1, 5, "9223372036854775808")]
    [InlineData("n = 012\n", 1, 5, "012")]
    [InlineData("s = \"\\q\"\n", 1, 7, "escape")]
    [InlineData("d = 2023-02-29\n", 1, 5, "2023-02-29")]
    [InlineData("a = true\r", 1, 9, "\\r")]
    [InlineData("a = \"x\" # tab\tok, bell\u0007 not\n", 1, 23, "U+0007")]
    [InlineData("a = yes\n", 1, 5, "")]
    [InlineData("[tool]\nname = \"x\" extra\n", 2, 12, "`extra`")]
    [InlineData("a = {b = 1}\na.c = 2\n", 2, 1, "")]
    [InlineData("\"a b\".c = 1\n\"a b\".c = 2\n", 2, 1, "already defined")]
    public void Malformed_input_reports_line_column_and_reason(string toml, int line, int column, string inReason)
    {
        var problem = TomlParse.Problem(toml);

        Assert.Equal((line, column), (problem.Line, problem.Column));
        Assert.Contains(inReason, problem.Reason, StringComparison.Ordinal);
        Assert.Equal($"line {line}, column {column}: {problem.Reason}", problem.ToString());
    }

    [Fact]
    public void The_consumers_error_is_what_reaches_the_caller()
    {
        var mine = new BuildpackException("BPK9999", "mine");

        var error = Assert.Throws<BuildpackException>(() => TomlDocument.Parse("=", _ => mine));

        Assert.Same(mine, error);
    }

    [Fact]
    public void Columns_count_code_points_not_utf16_units()
    {
        // '😀' is one code point but two UTF-16 units; 'é' is one of each.
        var problem = TomlParse.Problem("s = \"é😀\" x\n");

        Assert.Equal((1, 10), (problem.Line, problem.Column));
    }

    [Fact]
    public void Nesting_is_limited_instead_of_overflowing_the_stack()
    {
        var problem = TomlParse.Problem("a = " + new string('[', 100_000) + new string(']', 100_000));

        Assert.Equal(1, problem.Line);
        Assert.Contains("depth", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_below_the_limit_is_fine()
    {
        int depth = 60;
        object value = TomlParse.Text("a = " + new string('[', depth) + "1" + new string(']', depth))["a"];
        for (int i = 0; i < depth; i++)
        {
            value = Assert.Single(Assert.IsType<TomlArray>(value))!;
        }

        Assert.Equal(1L, value);
    }

    [Fact]
    public void Unpaired_surrogates_are_rejected()
    {
        Assert.Equal(1, TomlParse.Problem("s = \"\uD800\"\n").Line);
        Assert.Equal(1, TomlParse.Problem("s = '\uDC00'\n").Line);
        Assert.Equal(1, TomlParse.Problem("# \uD800\n").Line);
    }

    [Fact]
    public void One_byte_order_mark_is_allowed_at_the_start_of_a_string()
    {
        Assert.Equal(1L, TomlParse.Text("\uFEFFa = 1")["a"]);
        Assert.Equal(1, TomlParse.Problem("\uFEFF\uFEFFa = 1").Line);
    }

    [Fact]
    public void Null_arguments_are_argument_errors()
    {
        Assert.Throws<ArgumentNullException>(() => TomlParse.Text(null!));
        Assert.Throws<ArgumentNullException>(() => TomlParse.File(null!));
        Assert.Throws<ArgumentNullException>(() => TomlDocument.Parse("a = 1", null!));
    }

    [Fact]
    public void Files_are_utf8_with_or_without_a_byte_order_mark()
    {
        string plain = Write("plain.toml", Encoding.UTF8.GetBytes("name = \"Grüße\"\n"));
        string bom = Write("bom.toml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("name = \"Grüße\"\n")]);
        string twoBoms = Write("two-boms.toml", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("a = 1\n")]);

        Assert.Equal("Grüße", TomlParse.File(plain)["name"]);
        Assert.Equal("Grüße", TomlParse.File(bom)["name"]);
        Assert.Equal(1, TomlParse.FileProblem(twoBoms).Line);
    }

    [Fact]
    public void Invalid_utf8_is_a_problem_at_its_location_not_a_replacement_character()
    {
        string path = Write("bad.toml", [.. Encoding.UTF8.GetBytes("a = 1\nb = \"x"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"\n")]);

        var problem = TomlParse.FileProblem(path);

        Assert.Equal("line 2, column 7: invalid UTF-8 byte 0xC3 at byte offset 12 (TOML files must be UTF-8 encoded)", problem.ToString());
    }

    [Fact]
    public void A_file_cut_in_the_middle_of_a_utf8_sequence_is_a_problem()
    {
        string path = Write("cut.toml", [.. Encoding.UTF8.GetBytes("a = 1\n# \u00e9"), 0xE2, 0x82]);

        Assert.Equal("line 2, column 4: the file ends in the middle of a UTF-8 sequence", TomlParse.FileProblem(path).ToString());
    }

    [Fact]
    public void Utf16_is_rejected()
    {
        string path = Write("utf16.toml", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("a = 1\n")]);

        Assert.Equal((1, 1), (TomlParse.FileProblem(path).Line, TomlParse.FileProblem(path).Column));
    }

    [Fact]
    public void Syntax_errors_in_files_are_located()
    {
        string path = Write("syntax.toml", Encoding.UTF8.GetBytes("[build]\nuid 1000\n"));

        var problem = TomlParse.FileProblem(path);

        Assert.Equal((2, 5), (problem.Line, problem.Column));
    }

    [Fact]
    public void A_missing_file_is_an_io_error_not_a_toml_problem()
    {
        Assert.Throws<FileNotFoundException>(() => TomlParse.File(Path.Combine(_directory, "absent.toml")));
    }

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
