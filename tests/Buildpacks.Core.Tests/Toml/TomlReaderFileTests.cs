using System.Text;
using Buildpacks.Core.Toml;

namespace Buildpacks.Core.Tests.Toml;

/// <summary><see cref="TomlReader.ParseFile"/>: encoding rules and the path in errors.</summary>
public sealed class TomlReaderFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("toml-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Reads_utf8_with_and_without_a_byte_order_mark()
    {
        string plain = Write("plain.toml", Encoding.UTF8.GetBytes("name = \"Grüße\"\n"));
        string bom = Write("bom.toml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("name = \"Grüße\"\n")]);

        Assert.Equal("Grüße", TomlReader.ParseFile(plain).GetString("name"));
        Assert.Equal("Grüße", TomlReader.ParseFile(bom).GetString("name"));
    }

    [Fact]
    public void A_byte_order_mark_is_also_accepted_at_the_start_of_a_string()
    {
        Assert.Equal(1L, TomlReader.Parse("\uFEFFa = 1").GetInteger("a"));
        Assert.Throws<TomlException>(() => TomlReader.Parse("\uFEFF\uFEFFa = 1"));
    }

    [Fact]
    public void Invalid_utf8_is_rejected_with_its_location_and_the_path()
    {
        string path = Write("bad.toml", [.. Encoding.UTF8.GetBytes("a = 1\nb = \"x"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"\n")]);

        var error = Assert.Throws<TomlException>(() => TomlReader.ParseFile(path));

        Assert.Equal(path, error.FilePath);
        Assert.Equal((2, 7), (error.Line, error.Column));
        Assert.Equal($"{path}: line 2, column 7: invalid UTF-8 byte 0xC3 at byte offset 12 (TOML files must be UTF-8 encoded)", error.Message);
    }

    [Fact]
    public void Utf16_is_rejected()
    {
        string path = Write("utf16.toml", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("a = 1\n")).ToArray());

        Assert.Throws<TomlException>(() => TomlReader.ParseFile(path));
    }

    [Fact]
    public void Syntax_errors_carry_the_path()
    {
        string path = Write("syntax.toml", Encoding.UTF8.GetBytes("[build]\nuid 1000\n"));

        var error = Assert.Throws<TomlException>(() => TomlReader.ParseFile(path));

        Assert.Equal(path, error.FilePath);
        Assert.Equal($"{path}: line 2, column 5: expected '=' after key \"uid\" but found '1'", error.Message);
    }

    [Fact]
    public void A_missing_file_is_an_io_error_not_a_format_error()
    {
        Assert.Throws<FileNotFoundException>(() => TomlReader.ParseFile(Path.Combine(_directory, "absent.toml")));
    }

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
