using Buildpacks.Core.Ci;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Staging;

namespace Buildpacks.Core.Tests.Ci;

public sealed class KnownSecretsTests
{
    [Fact]
    public void Variables_with_secret_looking_names_and_marked_variables_are_secrets()
    {
        var request = Request(new()
        {
            ["NPM_TOKEN"] = "npm-abc",
            ["db_password"] = "hunter22",
            ["API_SECRET"] = "s3cret!",
            ["SIGNING_KEY"] = "k3y-value",
            ["LICENSE"] = "marked-by-name",
            ["PLAIN"] = "not-secret",
            ["TOKENS"] = "not-a-suffix",
        });

        var secrets = KnownSecrets.Of(request, ["LICENSE"]);

        Assert.Equal(["marked-by-name", "k3y-value", "hunter22", "npm-abc", "s3cret!"], secrets);
    }

    [Fact]
    public void Short_values_are_masked_only_when_marked()
    {
        var request = Request(new() { ["CACHE_KEY"] = "v2", ["PIN_PASSWORD"] = "123", ["SHORT"] = "x1" });

        Assert.Empty(KnownSecrets.Of(request));
        Assert.Equal(["x1"], KnownSecrets.Of(request, ["SHORT"]));
    }

    [Fact]
    public void A_multi_line_value_is_masked_line_by_line_without_blank_lines()
    {
        var request = Request(new() { ["DEPLOY_KEY"] = "-----BEGIN KEY-----\r\nAAAAsecret\n\n-----END KEY-----\n" });

        Assert.Equal(["-----BEGIN KEY-----", "-----END KEY-----", "AAAAsecret"], KnownSecrets.Of(request));
    }

    [Fact]
    public void A_marked_name_the_staging_does_not_have_is_a_coded_error()
    {
        var error = Assert.Throws<BuildpackException>(() => KnownSecrets.Of(Request(new() { ["NPM_TOKEN"] = "x" }), ["NPM_TOKN"]));

        Assert.Equal(ErrorCodes.UnknownSecretVariable, error.Code);
        Assert.Contains("'NPM_TOKN'", error.Message, StringComparison.Ordinal);
        Assert.Contains("--env NPM_TOKN=VALUE", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://user:p%40ss@example.com/bp.git", new[] { "p%40ss", "p@ss" })]
    [InlineData("https://ghp_token123@github.com/org/bp.git#v1", new[] { "ghp_token123" })]
    [InlineData("https://x-access-token:tok:en@github.com/org/bp", new[] { "tok:en" })]
    [InlineData("https://host/bp.tgz?sig=abc%2Bdef&se=30&v=1", new[] { "abc%2Bdef", "abc+def" })]
    [InlineData("https://host/bp.tgz?sig=s1gnature#main", new[] { "s1gnature" })]
    [InlineData("ssh://git:pa55word@host/bp.git", new[] { "pa55word" })]
    [InlineData("git@github.com:org/bp.git", new string[0])]
    [InlineData("https://github.com/org/bp.git", new string[0])]
    [InlineData("./buildpacks/dotnet", new string[0])]
    [InlineData("ftp://user:pw@host/bp", new string[0])]
    public void Credentials_in_buildpack_urls_are_secrets(string reference, string[] expected)
    {
        var request = new StagingRequest { AppDirectory = "/app", OutputPath = "/out.tgz", Candidates = [reference] };

        Assert.Equal(expected.OrderByDescending(s => s.Length).ThenBy(s => s, StringComparer.Ordinal), KnownSecrets.Of(request));
    }

    [Fact]
    public void Explicit_buildpacks_count_as_well_as_candidates()
    {
        var request = new StagingRequest { AppDirectory = "/app", OutputPath = "/out.tgz", Buildpacks = ["https://one:first-secret@h/a", "https://two:second-secret@h/b"] };

        Assert.Equal(["second-secret", "first-secret"], KnownSecrets.Of(request));
    }

    private static StagingRequest Request(Dictionary<string, string> environment) =>
        new() { AppDirectory = "/app", OutputPath = "/out.tgz", Environment = environment };
}
