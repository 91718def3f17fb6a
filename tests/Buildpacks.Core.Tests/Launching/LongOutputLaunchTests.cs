using Buildpacks.Core.Execution;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Launching;

public sealed class LongOutputLaunchTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_process_printing_a_long_line_is_logged_in_bounded_pieces()
    {
        var droplet = DropletBuilder.CloudFoundry(_temp).Process("web", "head -c 3000000 /dev/zero | tr '\\0' 'z'; echo; echo done").Pack();

        var (exitCode, log) = await LaunchRunner.RunToExitAsync(LaunchRunner.Request(_temp, droplet));

        Assert.Equal(0, exitCode);
        var output = log.Output;
        Assert.Equal("done", output[^1]);
        var pieces = output.Take(output.Count - 1).ToList();
        Assert.All(pieces, piece => Assert.True(piece.Length <= OutputLines.MaxLength, $"a piece of {piece.Length} chars"));
        Assert.Equal(3_000_000, pieces.Sum(piece => piece.Replace(OutputLines.ContinuationMarker, "", StringComparison.Ordinal).Length));
    }
}
