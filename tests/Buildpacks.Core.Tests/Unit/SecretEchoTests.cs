using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Staging;

namespace Buildpacks.Core.Tests.Unit;

/// <summary>
/// Errors about variables name the variable, or the file and line, never the value: a mistyped line in an env file
/// or a forgotten NAME= must not print a token into a CI log.
/// </summary>
public sealed class SecretEchoTests
{
    private const string Secret = "s3cr3t";

    [Fact]
    public void An_env_file_line_without_equals_sign_is_reported_by_number_not_quoted()
    {
        var error = Assert.Throws<BuildpackException>(() => EnvFile.Parse($"# keys\nA=1\nAPI_TOKEN {Secret}\n", "/x/.env"));

        Assert.Equal(ErrorCodes.InvalidEnvFile, error.Code);
        Assert.Equal("/x/.env", error.File);
        Assert.Contains("Line 3 of env file '/x/.env'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_env_file_name_with_a_space_shows_the_name_up_to_it_and_the_line_but_not_the_rest()
    {
        // A base64 token ends in '=', so "API_TOKEN czNjcjN0=" splits into a "name" holding the secret.
        var error = Assert.Throws<BuildpackException>(() => EnvFile.Parse("A=1\nAPI_TOKEN czNjcjN0=\n", "/x/.env"));

        Assert.Equal(ErrorCodes.InvalidVariableName, error.Code);
        Assert.Equal("/x/.env", error.File);
        Assert.Contains("'API_TOKEN", error.Message, StringComparison.Ordinal);
        Assert.Contains("Line 2 of env file '/x/.env'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("czNjcjN0", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Secret)]
    [InlineData("API_TOKEN " + Secret)]
    [InlineData("=" + Secret)]
    public void An_env_argument_that_is_not_NAME_VALUE_is_not_echoed(string argument)
    {
        var error = Assert.Throws<BuildpackException>(() => EnvFile.ParseAssignment(argument));

        Assert.Equal(ErrorCodes.InvalidVariableName, error.Code);
        Assert.Contains("NAME=VALUE", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("API_TOKEN " + Secret, "'API_TOKEN", "a space")]
    [InlineData("MY-" + Secret, "'MY", "'-'")]
    [InlineData("9" + Secret, "starts with a digit", "starts with a digit")]
    public void An_invalid_name_is_shown_only_up_to_its_first_bad_character(string name, string shown, string reason)
    {
        var error = Assert.Throws<BuildpackException>(() => VariableNames.EnsureValid(name));

        Assert.Equal(ErrorCodes.InvalidVariableName, error.Code);
        Assert.Contains(shown, error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }
}
