using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Tests.Unit;

public sealed class RedactionTests
{
    [Theory]
    [InlineData("https://user:s3cret@github.com/org/bp.git#v1.2", "https://***@github.com/org/bp.git#v1.2")]
    [InlineData("https://example.com/bp.tgz?token=abc", "https://example.com/bp.tgz?***")]
    [InlineData("https://github.com/heroku/heroku-buildpack-nodejs", "https://github.com/heroku/heroku-buildpack-nodejs")]
    [InlineData("./buildpacks/dotnet", "./buildpacks/dotnet")]
    [InlineData("/abs/path", "/abs/path")]
    public void Credentials_and_query_strings_never_reach_the_log(string reference, string shown)
    {
        var redacted = Redaction.RedactUrl(reference);

        Assert.Equal(shown, redacted);
        Assert.DoesNotContain("s3cret", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("token=abc", redacted, StringComparison.Ordinal);
    }
}
