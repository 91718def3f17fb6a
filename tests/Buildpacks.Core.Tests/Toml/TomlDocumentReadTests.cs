using Tomlyn;
using Tomlyn.Model;

namespace Buildpacks.Core.Tests.Toml;

/// <summary>What <see cref="Core.Toml.TomlDocument.Parse"/> hands consumers: the CLR type of every TOML value, key order, tables.</summary>
public sealed class TomlDocumentReadTests
{
    [Theory]
    [InlineData("s = \"tab\\tquote\\\"back\\\\slash\\u00e9\\U0001F600\"", "tab\tquote\"back\\slash\u00e9\U0001F600")]
    [InlineData("s = \"\\b\\f\\n\\r\"", "\b\f\n\r")]
    [InlineData("s = 'C:\\Users\\nodejs\\templates'", "C:\\Users\\nodejs\\templates")]
    [InlineData("s = \"\"\"\nfirst\nsecond\"\"\"", "first\nsecond")]
    [InlineData("s = \"\"\"\r\nfirst\r\nsecond\"\"\"", "first\r\nsecond")] // kept as written, which TOML allows
    [InlineData("s = \"\"\"one \\\n    two \\\n\n    three\"\"\"", "one two three")]
    [InlineData("s = \"\"\"ends with two quotes\"\"\"\"\"", "ends with two quotes\"\"")]
    [InlineData("s = '''\nraw \\n ''quoted'' '''", "raw \\n ''quoted'' ")]
    [InlineData("s = ''''one quote''''", "'one quote'")]
    [InlineData("s = \"\"", "")]
    public void Strings(string toml, string expected)
    {
        Assert.Equal(expected, Assert.IsType<string>(TomlParse.Text(toml)["s"]));
    }

    [Theory]
    [InlineData("n = 0", 0L)]
    [InlineData("n = +42", 42L)]
    [InlineData("n = -17", -17L)]
    [InlineData("n = 1_000_000", 1_000_000L)]
    [InlineData("n = 9223372036854775807", long.MaxValue)]
    [InlineData("n = -9223372036854775808", long.MinValue)]
    [InlineData("n = 0xDEAD_beef", 0xDEADBEEFL)]
    [InlineData("n = 0x7fffffffffffffff", long.MaxValue)]
    [InlineData("n = 0o755", 493L)]
    [InlineData("n = 0b1101_0110", 214L)]
    [InlineData("n = 0o777777777777777777777", long.MaxValue)]
    [InlineData("n = 0b111111111111111111111111111111111111111111111111111111111111111", long.MaxValue)]
    public void Integers_are_longs(string toml, long expected)
    {
        Assert.Equal(expected, Assert.IsType<long>(TomlParse.Text(toml)["n"]));
    }

    [Theory]
    [InlineData("n = 0x8000000000000000")]
    [InlineData("n = 0xFFFFFFFFFFFFFFFF")]
    [InlineData("n = 0b1000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("n = 0o1000000000000000000000")]
    [InlineData("n = -9223372036854775809")]
    [InlineData("n = 99999999999999999999")]
    public void Integers_out_of_the_64_bit_range_are_rejected_at_the_value(string toml)
    {
        var problem = TomlParse.Problem(toml);

        Assert.Equal((1, 5), (problem.Line, problem.Column));
    }

    [Theory]
    [InlineData("f = 3.14", 3.14)]
    [InlineData("f = -0.01", -0.01)]
    [InlineData("f = 5e+22", 5e22)]
    [InlineData("f = 6.626e-34", 6.626e-34)]
    [InlineData("f = 224_617.445_991_228", 224617.445991228)]
    [InlineData("f = +inf", double.PositiveInfinity)]
    [InlineData("f = -inf", double.NegativeInfinity)]
    public void Floats_are_doubles(string toml, double expected)
    {
        Assert.Equal(expected, Assert.IsType<double>(TomlParse.Text(toml)["f"]));
    }

    [Fact]
    public void Nan_negative_zero_and_booleans()
    {
        TomlTable table = TomlParse.Text("a = nan\nb = -0.0\nt = true\nf = false");

        Assert.True(double.IsNaN((double)table["a"]));
        Assert.True(double.IsNegative((double)table["b"]));
        Assert.Equal(true, table["t"]);
        Assert.Equal(false, table["f"]);
    }

    [Fact]
    public void Date_times_keep_their_kind_value_and_precision()
    {
        TomlTable table = TomlParse.Text("odt = 1979-05-27T00:32:00.999999-07:00\nz = 1979-05-27 07:32:00z\nldt = 1979-05-27T07:32:00\nld = 1979-05-27 # a date\nlt = 00:32:00.5");

        var odt = Assert.IsType<TomlDateTime>(table["odt"]);
        Assert.Equal(TomlDateTimeKind.OffsetDateTimeByNumber, odt.Kind);
        Assert.Equal(new DateTimeOffset(1979, 5, 27, 7, 32, 0, TimeSpan.Zero).AddTicks(9_999_990), odt.DateTime);
        Assert.Equal(TimeSpan.FromHours(-7), odt.DateTime.Offset);
        Assert.Equal("1979-05-27T00:32:00.999999-07:00", odt.ToString());

        var z = Assert.IsType<TomlDateTime>(table["z"]);
        Assert.Equal(TomlDateTimeKind.OffsetDateTimeByZ, z.Kind);
        Assert.Equal("1979-05-27T07:32:00Z", z.ToString());

        var ldt = Assert.IsType<TomlDateTime>(table["ldt"]);
        Assert.Equal(TomlDateTimeKind.LocalDateTime, ldt.Kind);
        Assert.Equal(new DateTime(1979, 5, 27, 7, 32, 0), ldt.DateTime.DateTime);

        var ld = Assert.IsType<TomlDateTime>(table["ld"]);
        Assert.Equal(TomlDateTimeKind.LocalDate, ld.Kind);
        Assert.Equal("1979-05-27", ld.ToString());

        var lt = Assert.IsType<TomlDateTime>(table["lt"]);
        Assert.Equal(TomlDateTimeKind.LocalTime, lt.Kind);
        Assert.Equal(new TimeOnly(0, 32, 0, 500), TimeOnly.FromTimeSpan(lt.DateTime.TimeOfDay));
        Assert.Equal("00:32:00.5", lt.ToString());
    }

    [Fact]
    public void Arrays_may_mix_types_span_lines_and_end_with_a_comma()
    {
        TomlTable table = TomlParse.Text("""
            a = [
              1, # one
              "two",
              [3.0, true],
              { four = 4 },
            ]
            e = [ ]
            """);

        var array = Assert.IsType<TomlArray>(table["a"]);
        Assert.Equal(4, array.Count);
        Assert.Equal(1L, array[0]);
        Assert.Equal("two", array[1]);
        Assert.Equal([3.0, true], Assert.IsType<TomlArray>(array[2]));
        var inline = Assert.IsType<TomlTable>(array[3]);
        Assert.Equal(ObjectKind.InlineTable, inline.Kind);
        Assert.Equal(4L, inline["four"]);
        Assert.Empty(Assert.IsType<TomlArray>(table["e"]));
    }

    [Fact]
    public void Keys_keep_document_order()
    {
        string[] names = ["ZED", "ALPHA", "mid", "B_2", "B_10", "a-dash", "PATH"];

        TomlTable table = TomlParse.Text(string.Concat(names.Select((n, i) => $"{n} = \"{i}\"\r\n")));

        Assert.Equal(names, table.Keys);
        Assert.Equal(names.Select((_, i) => (object)i.ToString(System.Globalization.CultureInfo.InvariantCulture)), table.Values);
    }

    [Fact]
    public void Empty_and_comment_only_documents_are_empty_tables()
    {
        Assert.Empty(TomlParse.Text(string.Empty));
        Assert.Empty(TomlParse.Text("# nothing to export\n\n"));
    }

    [Fact]
    public void Dotted_and_quoted_keys_build_nested_tables()
    {
        TomlTable table = TomlParse.Text("""
            name = "Orange"
            physical.color = "orange"
            physical . shape = "round"
            site."google.com" = true
            "" = "empty"
            """);

        var physical = Assert.IsType<TomlTable>(table["physical"]);
        Assert.Equal(["color", "shape"], physical.Keys);
        Assert.Equal(true, Assert.IsType<TomlTable>(table["site"])["google.com"]);
        Assert.Equal("empty", table[string.Empty]);
    }

    [Fact]
    public void Arrays_of_tables_are_table_arrays_and_collect_sub_tables_in_their_last_element()
    {
        TomlTable table = TomlParse.Text("""
            [[fruits]]
            name = "apple"
            [fruits.physical]
            color = "red"
            [[fruits.varieties]]
            name = "red delicious"
            [[fruits.varieties]]
            name = "granny smith"

            [[fruits]]
            name = "banana"
            [[fruits.varieties]]
            name = "plantain"
            """);

        var fruits = Assert.IsType<TomlTableArray>(table["fruits"]);
        Assert.Equal(2, fruits.Count);
        Assert.Equal("red", ((TomlTable)fruits[0]["physical"])["color"]);
        Assert.Equal(["red delicious", "granny smith"], ((TomlTableArray)fruits[0]["varieties"]).Select(v => v["name"]));
        Assert.Equal("plantain", Assert.Single((TomlTableArray)fruits[1]["varieties"])["name"]);
    }

    [Fact]
    public void Headers_may_add_sub_tables_to_implicit_and_dotted_tables()
    {
        TomlTable table = TomlParse.Text("[x.y.z.w]\na = 1\n[x]\nb = 2\n[fruit]\napple.color = \"red\"\n[fruit.apple.texture]\nsmooth = true");

        var x = (TomlTable)table["x"];
        Assert.Equal(1L, ((TomlTable)((TomlTable)((TomlTable)x["y"])["z"])["w"])["a"]);
        Assert.Equal(2L, x["b"]);
        Assert.Equal(true, ((TomlTable)((TomlTable)((TomlTable)table["fruit"])["apple"])["texture"])["smooth"]);
    }

    // Tomlyn's serializer alone takes the last of two definitions; the engine asks for its semantic checks.
    [Theory]
    [InlineData("x = 1\nx = 2", 2)]
    [InlineData("[a]\n[a]", 2)]
    [InlineData("[a.b]\n[a]\n[a]", 3)]
    [InlineData("[a]\nb.c = 1\n[a.b]", 3)]
    [InlineData("a.b = 1\n[a]", 2)]
    [InlineData("a = {}\n[a]", 2)]
    [InlineData("a = {}\n[a.b]", 2)]
    [InlineData("a = {b = {}}\na.b.c = 1", 2)]
    [InlineData("a = {b = 1, b.c = 2}", 1)]
    [InlineData("a.b = 1\na.b.c = 2", 2)]
    [InlineData("a.b = 1\na.b = 2", 2)]
    [InlineData("a.b.c = 1\na.b = 2", 2)]
    [InlineData("[a.b.c]\n[a]\nb.c.d = 1", 3)]
    [InlineData("a = []\n[[a]]", 2)]
    [InlineData("a = [{}]\n[a.b]", 2)]
    [InlineData("[a]\n[[a]]", 2)]
    [InlineData("[[a]]\n[a]", 2)]
    [InlineData("a = 1\n[a.b]", 2)]
    public void Redefinitions_are_rejected_on_their_line(string toml, int line)
    {
        Assert.Equal(line, TomlParse.Problem(toml).Line);
    }

    [Fact]
    public void Dotted_keys_may_keep_extending_their_own_tables()
    {
        TomlTable table = TomlParse.Text("a.b.c = 1\na.b.d = 2\na.e = 3\n[t]\nx.y = 1\nx.z = 2");

        Assert.Equal(["c", "d"], ((TomlTable)((TomlTable)table["a"])["b"]).Keys);
        Assert.Equal(["y", "z"], ((TomlTable)((TomlTable)table["t"])["x"]).Keys);
    }

    [Fact]
    public void Implicit_table_may_be_defined_once_after_its_sub_table()
    {
        Assert.Equal(["b", "better"], ((TomlTable)TomlParse.Text("[a.b.c]\nanswer = 42\n[a]\nbetter = 43")["a"]).Keys);
    }

    // The README lists these; TomlConformanceTests holds the corpus cases they make pass.
    [Fact]
    public void Toml_1_1_forms_are_accepted()
    {
        TomlTable table = TomlParse.Text("e = \"\\e[0m\"\nx = \"\\x41\"\nt = 07:32\nd = 1979-05-27T07:32\ni = {\n  a = 1,\n}\n");

        Assert.Equal("\u001b[0m", table["e"]);
        Assert.Equal("A", table["x"]);
        Assert.Equal("07:32:00", table["t"].ToString());
        Assert.Equal("1979-05-27T07:32:00", table["d"].ToString());
        Assert.Equal(1L, Assert.IsType<TomlTable>(table["i"])["a"]);
    }
}
