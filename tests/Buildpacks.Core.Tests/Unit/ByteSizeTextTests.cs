using Buildpacks.Core.Files;

namespace Buildpacks.Core.Tests.Unit;

public sealed class ByteSizeTextTests
{
    [Theory]
    [InlineData("1048576", 1048576L)]
    [InlineData("512K", 512L * 1024)]
    [InlineData("1M", 1024L * 1024)]
    [InlineData("1m", 1024L * 1024)]
    [InlineData("8G", 8L << 30)]
    [InlineData("8GiB", 8L << 30)]
    [InlineData("8GB", 8L << 30)]
    [InlineData(" 2 T ", 2L << 40)]
    [InlineData("100B", 100L)]
    public void Reads_sizes_in_binary_units(string text, long bytes)
    {
        Assert.True(ByteSizeText.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-1M")]
    [InlineData("lots")]
    [InlineData("1.5G")]
    [InlineData("9999999999T")]
    [InlineData("1X")]
    public void Refuses_what_is_no_positive_size(string text) => Assert.False(ByteSizeText.TryParse(text, out _));

    [Theory]
    [InlineData(8L << 30, "8 GiB")]
    [InlineData(1536L * 1024, "1536 KiB")]
    [InlineData(1000L, "1000 bytes")]
    [InlineData(1L << 20, "1 MiB")]
    public void Formats_with_the_largest_even_unit(long bytes, string text) => Assert.Equal(text, ByteSizeText.Format(bytes));
}
