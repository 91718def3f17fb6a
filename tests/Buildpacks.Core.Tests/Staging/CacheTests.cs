using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Staging;

public sealed class CacheTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_cache_is_created_and_reused_across_stagings()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var request = StagingFixture.Request(_temp, app, "recorder") with { CacheDirectory = _temp.Combine("nested", "cache") };

        var first = await StagingFixture.StageAsync(request with { OutputPath = _temp.Combine("out", "first.tgz") });
        var second = await StagingFixture.StageAsync(request with { OutputPath = _temp.Combine("out", "second.tgz") });

        Assert.Equal("1", StagingFixture.Recorded(first, "cache-count").Trim());
        Assert.Equal("2", StagingFixture.Recorded(second, "cache-count").Trim());
        Assert.Equal("2\n", File.ReadAllText(_temp.Combine("nested", "cache", "count")));
        Assert.Equal(["cache", "cache.lock"], Directory.GetFileSystemEntries(_temp.Combine("nested")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_failed_staging_leaves_the_cache_as_it_was()
    {
        var good = _temp.CreateApp("good", ("index.txt", "hi"));
        var bad = _temp.CreateApp("bad", ("fail-compile", ""));
        var cache = _temp.Combine("cache");
        await StagingFixture.StageAsync(StagingFixture.Request(_temp, good, "recorder") with { CacheDirectory = cache });

        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(StagingFixture.Request(_temp, bad, "recorder") with { CacheDirectory = cache }));

        Assert.Equal(ErrorCodes.CompileFailed, error.Code);
        Assert.Equal(223, error.ExitCode);
        Assert.Equal("1\n", File.ReadAllText(Path.Combine(cache, "count")));
        Assert.Equal(["cache", "cache.lock", "good"], Directory.GetFileSystemEntries(_temp.Path).Select(Path.GetFileName).Where(n => n != "bad" && n != "out").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_cache_in_use_by_another_staging_is_refused()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var cache = _temp.Combine("cache");
        using var held = new FileStream(cache + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(StagingFixture.Request(_temp, app, "recorder") with { CacheDirectory = cache }));

        Assert.Equal(ErrorCodes.CacheLocked, error.Code);
    }

    [Fact]
    public async Task Multi_buildpack_staging_keeps_only_the_cloud_foundry_cache_entries()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var cache = _temp.Combine("cache");
        Directory.CreateDirectory(Path.Combine(cache, "stale-dir"));
        File.WriteAllText(Path.Combine(cache, "stale-file"), "x");

        await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, "supply-a", "final-f") with { CacheDirectory = cache });

        var entries = Directory.GetFileSystemEntries(cache).Select(Path.GetFileName).ToList();
        Assert.Contains("final", entries);
        Assert.DoesNotContain("stale-dir", entries);
        Assert.DoesNotContain("stale-file", entries);
        Assert.Equal("final\n", File.ReadAllText(Path.Combine(cache, "final", "final-was-here")));
    }
}
