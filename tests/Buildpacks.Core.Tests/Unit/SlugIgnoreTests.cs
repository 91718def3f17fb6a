using Buildpacks.Core.Staging;

namespace Buildpacks.Core.Tests.Unit;

public sealed class SlugIgnoreTests
{
    [Theory]
    [InlineData("*.psd", "design.psd", true)]
    [InlineData("*.psd", "assets/img/logo.psd", true)]
    [InlineData("*.psd", "psd", false)]
    [InlineData("/docs", "docs", true)]
    [InlineData("/docs", "src/docs", false)]
    [InlineData("docs", "src/docs", true)]
    [InlineData("spec/fixtures", "spec/fixtures", true)]
    [InlineData("spec/fixtures", "app/spec/fixtures", false)]
    [InlineData("log/", "log", true)]
    [InlineData("test/**/*.bin", "test/a/b/c.bin", true)]
    [InlineData("test/*.bin", "test/a/c.bin", false)]
    [InlineData("file?.txt", "file1.txt", true)]
    [InlineData("a+b.txt", "a+b.txt", true)]
    [InlineData("a+b.txt", "aab.txt", false)]
    public void Patterns_match_like_Herokus(string pattern, string path, bool excluded) =>
        Assert.Equal(excluded, SlugIgnore.Parse("# comment\n\n" + pattern + "\r\n").IsExcluded(path));

    [Fact]
    public void Git_is_always_excluded_and_nothing_else_without_patterns()
    {
        var ignore = SlugIgnore.Parse("");

        Assert.True(ignore.IsExcluded(".git"));
        Assert.False(ignore.IsExcluded(".gitignore"));
        Assert.False(ignore.IsExcluded("index.html"));
    }
}
