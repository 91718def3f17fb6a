using Buildpacks.Core.Toml;

namespace Buildpacks.Core.Tests.Toml;

/// <summary>Values of every TOML type and the CLR types they map to.</summary>
public sealed class TomlReaderValueTests
{
    [Theory]
    [InlineData("s = \"tab\\tquote\\\"back\\\\slash\\u00e9\\U0001F600\"", "tab\tquote\"back\\slash\u00e9\U0001F600")]
    [InlineData("s = \"\\b\\f\\n\\r\"", "\b\f\n\r")]
    [InlineData("s = 'C:\\Users\\nodejs\\templates'", "C:\\Users\\nodejs\\templates")]
    [InlineData("s = \"\"\"\nfirst\nsecond\"\"\"", "first\nsecond")]
    [InlineData("s = \"\"\"\r\nfirst\r\nsecond\"\"\"", "first\nsecond")]
    [InlineData("s = \"\"\"one \\\n    two \\\n\n    three\"\"\"", "one two three")]
    [InlineData("s = \"\"\"ends with two quotes\"\"\"\"\"", "ends with two quotes\"\"")]
    [InlineData("s = '''\nraw \\n ''quoted'' '''", "raw \\n ''quoted'' ")]
    [InlineData("s = ''''one quote''''", "'one quote'")]
    [InlineData("s = \"\"", "")]
    public void Strings(string toml, string expected)
    {
        Assert.Equal(expected, TomlReader.Parse(toml).GetString("s"));
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
    [InlineData("n = 0x0000_0001", 1L)]
    public void Integers(string toml, long expected)
    {
        Assert.Equal(expected, TomlReader.Parse(toml).GetInteger("n"));
    }

    [Theory]
    [InlineData("n = 0x8000000000000000")]
    [InlineData("n = 0o1000000000000000000000")]
    [InlineData("n = -9223372036854775809")]
    [InlineData("n = 99999999999999999999")]
    public void Integers_out_of_the_64_bit_range_are_rejected(string toml)
    {
        Assert.Contains("out of range", Assert.Throws<TomlException>(() => TomlReader.Parse(toml)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("f = 3.14", 3.14)]
    [InlineData("f = -0.01", -0.01)]
    [InlineData("f = 5e+22", 5e22)]
    [InlineData("f = 6.626e-34", 6.626e-34)]
    [InlineData("f = 1e06", 1e6)]
    [InlineData("f = 224_617.445_991_228", 224617.445991228)]
    [InlineData("f = inf", double.PositiveInfinity)]
    [InlineData("f = +inf", double.PositiveInfinity)]
    [InlineData("f = -inf", double.NegativeInfinity)]
    public void Floats(string toml, double expected)
    {
        Assert.Equal(expected, Assert.IsType<double>(TomlReader.Parse(toml)["f"]));
    }

    [Fact]
    public void Nan_and_negative_zero()
    {
        TomlTable table = TomlReader.Parse("a = nan\nb = -nan\nc = -0.0\nd = +0.0");

        Assert.True(double.IsNaN((double)table["a"]));
        Assert.True(double.IsNaN((double)table["b"]));
        Assert.True(double.IsNegative((double)table["c"]));
        Assert.False(double.IsNegative((double)table["d"]));
    }

    [Fact]
    public void Booleans()
    {
        TomlTable table = TomlReader.Parse("t = true\nf = false");

        Assert.True(table.GetBoolean("t"));
        Assert.False(table.GetBoolean("f"));
    }

    [Fact]
    public void Offset_date_time()
    {
        var value = Assert.IsType<TomlDateTime>(TomlReader.Parse("d = 1979-05-27T00:32:00.999999-07:00")["d"]);

        Assert.Equal(TomlDateTimeKind.OffsetDateTime, value.Kind);
        Assert.Equal(new DateOnly(1979, 5, 27), value.Date);
        Assert.Equal(new TimeOnly(0, 32, 0).Add(TimeSpan.FromTicks(9_999_990)), value.Time);
        Assert.Equal(TimeSpan.FromHours(-7), value.Offset);
        Assert.Equal(new DateTimeOffset(1979, 5, 27, 7, 32, 0, TimeSpan.Zero).AddTicks(9_999_990), value.ToDateTimeOffset());
        Assert.Equal("1979-05-27T00:32:00.999999-07:00", value.ToString());
    }

    [Theory]
    [InlineData("d = 1979-05-27 07:32:00Z", "1979-05-27T07:32:00Z")]
    [InlineData("d = 1979-05-27t07:32:00z", "1979-05-27T07:32:00Z")]
    [InlineData("d = 1979-05-27T07:32:00+00:00", "1979-05-27T07:32:00Z")]
    [InlineData("d = 1979-05-27T07:32:00.123456789+05:30", "1979-05-27T07:32:00.1234567+05:30")]
    public void Offset_date_time_forms(string toml, string canonical)
    {
        var value = Assert.IsType<TomlDateTime>(TomlReader.Parse(toml)["d"]);

        Assert.Equal(TomlDateTimeKind.OffsetDateTime, value.Kind);
        Assert.Equal(canonical, value.ToString());
    }

    [Fact]
    public void Local_date_time_local_date_and_local_time()
    {
        TomlTable table = TomlReader.Parse("ldt = 1979-05-27T07:32:00\nld = 1979-05-27 # a date\nlt = 00:32:00.5");

        var ldt = (TomlDateTime)table["ldt"];
        Assert.Equal(TomlDateTimeKind.LocalDateTime, ldt.Kind);
        Assert.Null(ldt.Offset);
        Assert.Equal(new DateTime(1979, 5, 27, 7, 32, 0, DateTimeKind.Unspecified), ldt.ToDateTime());
        Assert.Throws<InvalidOperationException>(() => ldt.ToDateTimeOffset());

        var ld = (TomlDateTime)table["ld"];
        Assert.Equal(TomlDateTimeKind.LocalDate, ld.Kind);
        Assert.Equal(new DateOnly(1979, 5, 27), ld.Date);
        Assert.Equal("1979-05-27", ld.ToString());

        var lt = (TomlDateTime)table["lt"];
        Assert.Equal(TomlDateTimeKind.LocalTime, lt.Kind);
        Assert.Equal(new TimeOnly(0, 32, 0, 500), lt.Time);
        Assert.Equal("00:32:00.5", lt.ToString());
    }

    [Fact]
    public void Date_times_compare_by_value()
    {
        TomlTable table = TomlReader.Parse("a = 1979-05-27T07:32:00Z\nb = 1979-05-27 07:32:00z\nc = 1979-05-27T07:32:00");

        Assert.Equal(table["a"], table["b"]);
        Assert.NotEqual(table["a"], table["c"]);
    }

    [Fact]
    public void Arrays_may_mix_types_span_lines_and_end_with_a_comma()
    {
        TomlTable table = TomlReader.Parse("""
            a = [
              1, # one
              "two",
              [3.0, true],
              { four = 4 },
            ]
            """);

        TomlArray array = table.GetArray("a")!;
        Assert.Equal(4, array.Count);
        Assert.Equal(1L, array[0]);
        Assert.Equal("two", array[1]);
        Assert.Equal([3.0, true], Assert.IsType<TomlArray>(array[2]));
        Assert.Equal(4L, Assert.IsType<TomlTable>(array[3]).GetInteger("four"));
        Assert.Empty(TomlReader.Parse("e = [ ]").GetArray("e")!);
    }
}
