using Buildpacks.Core.Toml;

namespace Buildpacks.Core.Tests.Toml;

/// <summary>Tables, dotted keys, arrays of tables and the rules about defining things twice.</summary>
public sealed class TomlReaderStructureTests
{
    [Fact]
    public void Dotted_and_quoted_keys_build_nested_tables()
    {
        TomlTable table = TomlReader.Parse("""
            name = "Orange"
            physical.color = "orange"
            physical . shape = "round"
            site."google.com" = true
            "" = "empty"
            """);

        TomlTable physical = table.GetTable("physical")!;
        Assert.Equal("orange", physical.GetString("color"));
        Assert.Equal("round", physical.GetString("shape"));
        Assert.True(table.GetTable("site")!.GetBoolean("google.com"));
        Assert.Equal("empty", table.GetString(string.Empty));
    }

    [Fact]
    public void Headers_may_add_sub_tables_to_implicit_and_dotted_tables()
    {
        TomlTable table = TomlReader.Parse("""
            [x.y.z.w]
            a = 1
            [x]
            b = 2
            [fruit]
            apple.color = "red"
            [fruit.apple.texture]
            smooth = true
            """);

        Assert.Equal(1L, table.GetTable("x")!.GetTable("y")!.GetTable("z")!.GetTable("w")!.GetInteger("a"));
        Assert.Equal(2L, table.GetTable("x")!.GetInteger("b"));
        Assert.True(table.GetTable("fruit")!.GetTable("apple")!.GetTable("texture")!.GetBoolean("smooth"));
    }

    [Fact]
    public void Arrays_of_tables_collect_their_sub_tables_in_the_last_element()
    {
        TomlTable table = TomlReader.Parse("""
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

        TomlArray fruits = table.GetArray("fruits")!;
        Assert.Equal(2, fruits.Count);
        var apple = (TomlTable)fruits[0];
        Assert.Equal("red", apple.GetTable("physical")!.GetString("color"));
        Assert.Equal(["red delicious", "granny smith"], apple.GetArray("varieties")!.Select(v => ((TomlTable)v).GetString("name")));
        var banana = (TomlTable)fruits[1];
        Assert.Equal("plantain", ((TomlTable)Assert.Single(banana.GetArray("varieties")!)).GetString("name"));
    }

    [Theory]
    [InlineData("[a]\n[a]")]
    [InlineData("[a.b]\n[a]\n[a]")]
    [InlineData("[a]\nb.c = 1\n[a.b]")]
    [InlineData("a.b = 1\n[a]")]
    [InlineData("a = {}\n[a]")]
    [InlineData("a = {}\n[a.b]")]
    [InlineData("a = {b = {}}\na.b.c = 1")]
    [InlineData("a = {b = 1, b.c = 2}")]
    [InlineData("a.b = 1\na.b.c = 2")]
    [InlineData("a.b = 1\na.b = 2")]
    [InlineData("a.b.c = 1\na.b = 2")]
    [InlineData("[a.b.c]\n[a]\nb.c.d = 1")]
    [InlineData("[a.b.c]\n[a]\nb.x = 1")]
    [InlineData("a = []\n[[a]]")]
    [InlineData("a = [{}]\n[a.b]")]
    [InlineData("[a]\n[[a]]")]
    [InlineData("[[a]]\n[a]")]
    [InlineData("[[a.b]]\n[a]\nb.c = 1")]
    [InlineData("a = 1\n[a.b]")]
    public void Redefinitions_are_rejected(string toml)
    {
        Assert.Throws<TomlException>(() => TomlReader.Parse(toml));
    }

    [Fact]
    public void Dotted_keys_may_keep_extending_their_own_tables()
    {
        TomlTable table = TomlReader.Parse("a.b.c = 1\na.b.d = 2\na.e = 3\n[t]\nx.y = 1\nx.z = 2");

        Assert.Equal(["c", "d"], table.GetTable("a")!.GetTable("b")!.Keys);
        Assert.Equal(["y", "z"], table.GetTable("t")!.GetTable("x")!.Keys);
    }

    [Fact]
    public void Implicit_table_may_be_defined_once_after_its_sub_table()
    {
        TomlTable table = TomlReader.Parse("[a.b.c]\nanswer = 42\n[a]\nbetter = 43");

        Assert.Equal(["b", "better"], table.GetTable("a")!.Keys);
    }

    [Fact]
    public void Getters_return_null_for_missing_keys()
    {
        TomlTable table = TomlReader.Parse("x = 1");

        Assert.Null(table.GetString("missing"));
        Assert.Null(table.GetTable("missing"));
        Assert.Null(table.GetInteger("missing"));
        Assert.Null(table.GetBoolean("missing"));
        Assert.Null(table.GetArray("missing"));
        Assert.False(table.ContainsKey("missing"));
        Assert.False(table.TryGetValue("missing", out _));
        Assert.Throws<KeyNotFoundException>(() => table["missing"]);
    }

    [Fact]
    public void Getters_return_values_of_their_type()
    {
        TomlTable table = TomlReader.Parse("s = 's'\ni = 1\nb = true\na = [1]\nt = {k = 'v'}\n[h]\nk = 2\n[[aot]]");

        Assert.Equal("s", table.GetString("s"));
        Assert.Equal(1L, table.GetInteger("i"));
        Assert.True(table.GetBoolean("b"));
        Assert.Equal([1L], table.GetArray("a")!);
        Assert.Equal("v", table.GetTable("t")!.GetString("k"));
        Assert.Equal(2L, table.GetTable("h")!.GetInteger("k"));
        Assert.IsType<TomlTable>(Assert.Single(table.GetArray("aot")!));
        Assert.Equal(7, table.Count);
    }

    [Theory]
    [InlineData("GetString", "i", "\"i\" is an integer, expected a string")]
    [InlineData("GetInteger", "f", "\"f\" is a float, expected an integer")]
    [InlineData("GetInteger", "s", "\"s\" is a string, expected an integer")]
    [InlineData("GetBoolean", "s", "\"s\" is a string, expected a boolean")]
    [InlineData("GetTable", "a", "\"a\" is an array, expected a table")]
    [InlineData("GetArray", "t", "\"t\" is an inline table, expected an array")]
    [InlineData("GetString", "d", "\"d\" is a local date, expected a string")]
    public void Getters_throw_with_the_key_location_on_a_type_mismatch(string getter, string key, string reason)
    {
        TomlTable table = TomlReader.Parse("s = 'x'\ni = 1\nf = 1.5\na = []\n  t = {}\nd = 2024-01-01");
        Action call = getter switch
        {
            "GetString" => () => table.GetString(key),
            "GetInteger" => () => table.GetInteger(key),
            "GetBoolean" => () => table.GetBoolean(key),
            "GetTable" => () => table.GetTable(key),
            _ => () => table.GetArray(key),
        };

        var error = Assert.Throws<TomlException>(call);

        Assert.Equal(reason, error.Reason);
        int line = Array.IndexOf(["s", "i", "f", "a", "t", "d"], key) + 1;
        Assert.Equal(line, error.Line);
        Assert.Equal(key == "t" ? 3 : 1, error.Column);
    }

    [Fact]
    public void Type_mismatch_inside_a_dotted_or_header_table_points_at_the_key()
    {
        TomlTable table = TomlReader.Parse("[build]\nargs.packages = 3\n");

        var error = Assert.Throws<TomlException>(() => table.GetTable("build")!.GetTable("args")!.GetString("packages"));

        Assert.Equal((2, 6), (error.Line, error.Column));
    }
}
