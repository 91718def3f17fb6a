using Buildpacks.Core.Staging;

namespace Buildpacks.Core.Tests.Staging;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("90", 90)]
    [InlineData("90s", 90)]
    [InlineData("15m", 900)]
    [InlineData("1h30m", 5400)]
    [InlineData(" 2m5s ", 125)]
    [InlineData("00:15:00", 900)]
    public void Reads_durations_as_people_write_them(string text, int seconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("0s")]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("15 minutes")]
    [InlineData("99999999999999999999h")]
    public void Rejects_what_is_not_a_positive_duration(string? text)
    {
        Assert.False(DurationText.TryParse(text, out _));
    }
}
