using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Release;

namespace Buildpacks.Core.Tests.Release;

public sealed class ReleaseParserTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("---")]
    [InlineData("---\n")]
    [InlineData("--- {}\n")]
    [InlineData("{}")]
    public void Empty_variants_mean_an_empty_release(string output)
    {
        var release = ReleaseParser.Parse(output, "bp");

        Assert.Empty(release.Addons);
        Assert.Empty(release.ConfigVars);
        Assert.Empty(release.DefaultProcessTypes);
    }

    [Fact]
    public void All_three_keys_are_read_and_unknown_keys_ignored()
    {
        var release = ReleaseParser.Parse("---\naddons:\n- heroku-postgresql:hobby-dev\nconfig_vars:\n  PATH: /app/bin:/usr/bin\n  COUNT: 3\ndefault_process_types:\n  web: bundle exec puma\nsomething_else: [1, 2]\n", "ruby");

        Assert.Equal(["heroku-postgresql:hobby-dev"], release.Addons);
        Assert.Equal("/app/bin:/usr/bin", release.ConfigVars["PATH"]);
        Assert.Equal("3", release.ConfigVars["COUNT"]);
        Assert.Equal("bundle exec puma", release.DefaultProcessTypes["web"]);
    }

    [Fact]
    public void Null_values_are_skipped()
    {
        var release = ReleaseParser.Parse("default_process_types:\n  web:\n  worker: run\naddons:\n", "bp");

        Assert.Equal(new Dictionary<string, string> { ["worker"] = "run" }, release.DefaultProcessTypes);
        Assert.Empty(release.Addons);
    }

    [Theory]
    [InlineData("-----> Discovering process types\n", "not a YAML map")]
    [InlineData("default_process_types: [web]\n", "'default_process_types' is not a map")]
    [InlineData("addons: heroku-redis\n", "'addons' is not a list")]
    [InlineData("default_process_types:\n  web: {command: x}\n", "nested value")]
    [InlineData("default_process_types:\n  web: 'unterminated\n", "not valid YAML")]
    public void Unusable_output_is_an_error_naming_the_buildpack_and_quoting_the_output(string output, string why)
    {
        var error = Assert.Throws<BuildpackException>(() => ReleaseParser.Parse(output, "my-buildpack", "/bp/bin/release"));

        Assert.Equal(ErrorCodes.ReleaseInvalid, error.Code);
        Assert.Equal(224, error.ExitCode);
        Assert.Equal("/bp/bin/release", error.File);
        Assert.Contains("'my-buildpack'", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.EndsWith(output, error.Message, StringComparison.Ordinal);
    }
}
