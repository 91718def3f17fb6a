using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Staging;

namespace Buildpacks.Core.Tests.Unit;

public sealed class EnvFileTests
{
    [Fact]
    public void Reads_the_dotenv_subset()
    {
        var variables = EnvFile.Parse("# comment\n\nA=1\nexport B = two words \nC=\"quoted # not a comment\"\nD='single'\nE=\nF=a=b\r\n");

        Assert.Equal(
            new Dictionary<string, string> { ["A"] = "1", ["B"] = "two words", ["C"] = "quoted # not a comment", ["D"] = "single", ["E"] = "", ["F"] = "a=b" },
            variables);
    }

    [Theory]
    [InlineData("JUSTANAME", "is not NAME=VALUE")]
    [InlineData("=value", "is not NAME=VALUE")]
    [InlineData("9LIVES=x", "not a valid environment variable name")]
    public void Bad_lines_are_coded_errors(string text, string message)
    {
        var error = Assert.Throws<BuildpackException>(() => EnvFile.Parse(text, "/x/.env"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal("/x/.env", error.File);
    }

    [Fact]
    public void An_assignment_splits_at_the_first_equals_sign()
    {
        Assert.Equal(KeyValuePair.Create("URL", "https://x/?a=b"), EnvFile.ParseAssignment("URL=https://x/?a=b"));
        Assert.Equal(ErrorCodes.InvalidVariableName, Assert.Throws<BuildpackException>(() => EnvFile.ParseAssignment("novalue")).Code);
    }
}
