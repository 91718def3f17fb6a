using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Staging;

public sealed class ProgressTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Packing_reports_growing_bytes_and_files_to_a_log_that_shows_progress()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        File.WriteAllBytes(Path.Combine(app, "big.bin"), new byte[3 * 1048576]);
        var log = new ProgressLog();

        await BuildpackEngine.Default.StageAsync(StagingFixture.Request(_temp, app, "recorder"), log);

        var pack = log.Calls.Where(call => call.Step == "pack").ToList();
        Assert.NotEmpty(pack);
        Assert.All(pack.Zip(pack.Skip(1)), pair => Assert.True(pair.Second.Bytes >= pair.First.Bytes && pair.Second.Files > pair.First.Files));
        Assert.True(pack[^1].Bytes >= 3 * 1048576, $"the last report says {pack[^1].Bytes} bytes");
        Assert.True(pack[^1].Files >= 2, $"the last report says {pack[^1].Files} files");
    }
}
