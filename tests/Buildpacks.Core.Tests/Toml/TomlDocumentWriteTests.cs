using Buildpacks.Core.Toml;
using Tomlyn;
using Tomlyn.Model;

namespace Buildpacks.Core.Tests.Toml;

/// <summary><see cref="TomlDocument.Write"/>: TOML text for stack and builder files built in code.</summary>
public sealed class TomlDocumentWriteTests
{
    [Fact]
    public void A_stack_like_table_is_written_as_headers_in_insertion_order()
    {
        var stack = new TomlTable
        {
            ["id"] = "io.buildpacks.stacks.jammy",
            ["platforms"] = new TomlArray { "linux/amd64", "linux/arm64" },
            ["build"] = new TomlTable
            {
                ["uid"] = 1001L,
                ["shell"] = "/bin/bash",
                ["args"] = new TomlTable { ["packages"] = "curl git" },
            },
            ["buildpacks"] = new TomlTableArray
            {
                new TomlTable { ["id"] = "a/b" },
                new TomlTable { ["id"] = "c", ["version"] = "1.0" },
            },
        };

        Assert.Equal(
            """
            id = "io.buildpacks.stacks.jammy"
            platforms = ["linux/amd64", "linux/arm64"]
            [build]
            uid = 1001
            shell = "/bin/bash"
            [build.args]
            packages = "curl git"
            [[buildpacks]]
            id = "a/b"

            [[buildpacks]]
            id = "c"
            version = "1.0"

            """.ReplaceLineEndings("\n"),
            TomlDocument.Write(stack));
    }

    [Fact]
    public void Scalars_are_written_before_tables_whatever_the_insertion_order()
    {
        var table = new TomlTable { ["run"] = new TomlTable { ["uid"] = 1002L }, ["id"] = "x" };

        Assert.Equal("id = \"x\"\n[run]\nuid = 1002\n", TomlDocument.Write(table));
    }

    [Fact]
    public void What_is_written_reads_back_the_same()
    {
        var table = new TomlTable
        {
            ["quote\"and\\backslash"] = "line\nbreak\ttab \u0001 é 😀",
            ["dotted.key"] = "stays one key",
            ["with space"] = true,
            [string.Empty] = "empty key",
            ["numbers"] = new TomlArray { -9223372036854775808L, 1.5, double.PositiveInfinity },
            ["when"] = new TomlDateTime(new DateTimeOffset(1979, 5, 27, 0, 32, 0, TimeSpan.FromHours(-7)), 0, TomlDateTimeKind.OffsetDateTimeByNumber),
            ["inline"] = new TomlTable(inline: true) { ["k"] = "v" },
            ["nested"] = new TomlTable { ["deeper"] = new TomlTable { ["x"] = 1L } },
        };

        string text = TomlDocument.Write(table);
        TomlTable read = TomlParse.Text(text);

        Assert.Equal(TomlTestJson.ToTagged(table).ToJsonString(), TomlTestJson.ToTagged(read).ToJsonString());
        Assert.Equal(["quote\"and\\backslash", "dotted.key", "with space", string.Empty, "numbers", "when", "inline", "nested"], read.Keys);
        Assert.DoesNotContain('\r', text);
    }
}
