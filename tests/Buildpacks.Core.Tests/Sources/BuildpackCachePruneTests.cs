using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Sources;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Sources;

public sealed class BuildpackCachePruneTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly RecordingLog _log = new();

    public void Dispose() => _temp.Dispose();

    private BuildpackCache Cache => new(_temp.Combine("cache"));

    private async Task<string> StageAsync(string reference)
    {
        var engine = new BuildpackEngine(new BuildpackEngineOptions { BuildpackCacheDirectory = _temp.Combine("cache") });
        var app = _temp.CreateApp("app-" + Guid.NewGuid().ToString("N")[..6], ("index.html", "hi"));
        var result = await engine.StageAsync(StagingFixture.Request(_temp, app) with { Buildpacks = [reference], OutputPath = _temp.Combine(Path.GetFileName(app) + ".tgz") }, _log);
        return DropletContents.TextOf(result.DropletPath, "./app/marker");
    }

    private void Age(BuildpackCacheEntry entry, TimeSpan age) =>
        File.SetLastWriteTimeUtc(Path.Combine(Cache.Root, "entries", entry.Key, "entry.json"), DateTime.UtcNow - age);

    [Fact]
    public async Task List_shows_each_entry_redacted_with_its_identity_size_and_last_use()
    {
        var repo = GitRepo.Create(_temp.Combine("repo"), "v1");
        using var server = new LoopbackServer((context, _) => LoopbackServer.SendAsync(context, BuildpackArchives.Tarball("from-url")));
        await StageAsync(repo.FileUrl + "#main");
        await StageAsync($"http://user:PRUNESECRET@127.0.0.1:{server.Port}/bp.tgz?token=PRUNESECRET");

        var entries = Cache.List();

        Assert.Equal(2, entries.Count);
        var git = Assert.Single(entries, e => e.Identity == "git:" + repo.Head());
        Assert.Equal(repo.FileUrl + "#main", git.Reference);
        Assert.Equal(Directory.EnumerateFiles(repo.Path, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/.git/", StringComparison.Ordinal)).Sum(f => new FileInfo(f).Length), git.Size);
        var archive = Assert.Single(entries, e => e.Identity.StartsWith("sha256:", StringComparison.Ordinal));
        Assert.Equal($"http://***@127.0.0.1:{server.Port}/bp.tgz?***", archive.Reference);
        Assert.All(entries, e => Assert.InRange(e.LastUsed, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1)));
    }

    [Fact]
    public async Task Prune_older_than_removes_entries_unused_that_long_and_a_staging_marks_its_entry_used()
    {
        var old = GitRepo.Create(_temp.Combine("old"), "old");
        var used = GitRepo.Create(_temp.Combine("used"), "used");
        await StageAsync(old.FileUrl + "#" + old.Head());
        await StageAsync(used.FileUrl + "#" + used.Head());
        foreach (var entry in Cache.List())
        {
            Age(entry, TimeSpan.FromDays(40));
        }

        // A warm staging of a full commit is served from the cache, and that is a use.
        await StageAsync(used.FileUrl + "#" + used.Head());
        var removed = Cache.Prune(BuildpackCache.PruneCutoff("30d", DateTimeOffset.UtcNow));

        Assert.Equal(["git:" + old.Head()], removed.Select(e => e.Identity));
        Assert.Equal(["git:" + used.Head()], Cache.List().Select(e => e.Identity));
        Assert.Equal("old\n", await StageAsync(old.FileUrl + "#" + old.Head()));
        Assert.Contains(_log.Lines, line => line.Contains("git:" + old.Head() + " (fetched)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Prune_leaves_an_entry_a_staging_is_copying_out_and_removes_it_once_released()
    {
        var repo = GitRepo.Create(_temp.Combine("repo"), "v1");
        await StageAsync(repo.FileUrl + "#main");
        var entry = Assert.Single(Cache.List());

        using (await Cache.HoldEntryAsync(entry.Key, CancellationToken.None))
        {
            Assert.Empty(Cache.Prune(DateTimeOffset.MaxValue));
            Assert.Single(Cache.List());
        }

        Assert.Equal([entry.Key], Cache.Prune(DateTimeOffset.MaxValue).Select(e => e.Key));
        Assert.Empty(Cache.List());
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(Cache.Root, "tmp")));
    }

    [Theory]
    [InlineData("30d", 30 * 24 * 3600)]
    [InlineData("12h", 12 * 3600)]
    [InlineData("1d12h", 36 * 3600)]
    [InlineData("90", 90)]
    public void The_age_reads_days_hours_minutes_and_seconds(string text, int seconds)
    {
        var now = DateTimeOffset.UnixEpoch.AddYears(50);

        Assert.Equal(now.AddSeconds(-seconds), BuildpackCache.PruneCutoff(text, now));
    }

    [Fact]
    public void No_age_prunes_everything_and_a_wrong_one_is_a_coded_error()
    {
        Assert.Equal(DateTimeOffset.MaxValue, BuildpackCache.PruneCutoff(null, DateTimeOffset.UtcNow));
        Assert.Equal(ErrorCodes.InvalidCacheAge, Assert.Throws<BuildpackException>(() => BuildpackCache.PruneCutoff("a month", DateTimeOffset.UtcNow)).Code);
    }
}
