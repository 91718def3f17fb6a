using Buildpacks.Core.Droplets;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Staging;

public sealed class DeterminismTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Identical_inputs_give_byte_identical_droplets()
    {
        var app = _temp.CreateApp("app", ("b.txt", "b"), ("a.txt", "a"), ("dir/z.txt", "z"), ("dir/y.txt", "y"));
        var request = StagingFixture.Request(_temp, app, Repository.SampleBuildpack) with { OutputPath = _temp.Combine("one.tgz") };
        File.WriteAllText(Path.Combine(app, "App.runtimeconfig.json"), "{}");

        var first = await StagingFixture.StageAsync(request);
        File.SetLastWriteTimeUtc(Path.Combine(app, "a.txt"), DateTime.UtcNow.AddDays(-3));
        var second = await StagingFixture.StageAsync(request with { OutputPath = _temp.Combine("two.tgz") });

        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(File.ReadAllBytes(first.DropletPath), File.ReadAllBytes(second.DropletPath));
        Assert.Equal(DropletInspector.Sha256Of(first.DropletPath), first.Sha256);
        Assert.Equal(new FileInfo(first.DropletPath).Length, first.Size);
        Assert.All(DropletContents.Read(first.DropletPath), e => Assert.Equal(new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero), e.ModificationTime));
    }

    [Fact]
    public async Task SOURCE_DATE_EPOCH_sets_every_entry_time()
    {
        var app = _temp.CreateApp("app", ("App.runtimeconfig.json", "{}"));
        var request = StagingFixture.Request(_temp, app, Repository.SampleBuildpack) with
        {
            Environment = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1700000000" },
        };

        var result = await StagingFixture.StageAsync(request);

        Assert.All(DropletContents.Read(result.DropletPath), e => Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), e.ModificationTime));
    }

    [Fact]
    public async Task A_content_change_changes_the_sha()
    {
        var app = _temp.CreateApp("app", ("App.runtimeconfig.json", "{}"), ("a.txt", "a"));
        var request = StagingFixture.Request(_temp, app, Repository.SampleBuildpack);
        var first = await StagingFixture.StageAsync(request);

        File.WriteAllText(Path.Combine(app, "a.txt"), "A");
        var second = await StagingFixture.StageAsync(request);

        Assert.NotEqual(first.Sha256, second.Sha256);
    }
}
