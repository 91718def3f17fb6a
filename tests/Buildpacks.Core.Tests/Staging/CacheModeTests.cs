using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Staging;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Staging;

/// <summary>
/// The working cache as an overlay over the cache (changes renamed in on success) or as a copy (renamed over the cache
/// on success). Either way a failed compile leaves the cache as it was, a successful one's changes all land, and what a
/// killed staging left is put back or, if it was half saved, thrown away.
/// </summary>
public sealed class CacheModeTests : IDisposable
{
    // New, changed, deleted files and directories; a chmod; a directory replaced by a new one of its name.
    private const string Changes = """
        c="$1"
        echo changed > "$c/modify.txt"
        rm "$c/delete.txt"
        rm -rf "$c/dir-del"
        echo new > "$c/new.txt"
        mkdir -p "$c/newdir/sub"
        echo n > "$c/newdir/sub/f"
        chmod 600 "$c/chmod.txt"
        chmod 700 "$c/dir-keep"
        echo more > "$c/dir-keep/added"
        rm "$c/dir-keep/x"
        rm -rf "$c/replace-dir"
        mkdir "$c/replace-dir"
        echo fresh > "$c/replace-dir/new"
        rm "$c/file-to-dir"
        mkdir "$c/file-to-dir"
        rm -rf "$c/dir-to-file"
        echo now-a-file > "$c/dir-to-file"
        """;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("Overlay")]
    [InlineData("ParallelCopy")]
    [InlineData("Copy")]
    public async Task A_failing_compile_leaves_a_warm_cache_unchanged(string mode)
    {
        var cache = SeedCache();
        var before = TreeState.Of(cache);
        var buildpack = TreeModeSupport.Buildpack(_temp, "failer", "bash \"$1/changes.sh\" \"$2\"\nexit 3");
        var app = _temp.CreateApp("app", ("changes.sh", Changes));

        var error = await Assert.ThrowsAsync<BuildpackException>(() => TreeModeSupport.StageAsync(Enum.Parse<StagingTreeMode>(mode), StagingFixture.Request(_temp, app, buildpack) with { CacheDirectory = cache }, new RecordingLog()));

        Assert.Equal(ErrorCodes.CompileFailed, error.Code);
        Assert.Equal(before, TreeState.Of(cache));
        Assert.Equal(["cache", "cache.lock"], Directory.GetFileSystemEntries(_temp.Path, "*cache*").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(MountTable.Below(_temp.Path));
    }

    [Theory]
    [InlineData("Overlay")]
    [InlineData("ParallelCopy")]
    [InlineData("Copy")]
    public async Task A_succeeding_compile_changes_land_in_the_cache(string mode) =>
        await AssertChangesLandAsync(Enum.Parse<StagingTreeMode>(mode), Changes);

    [Theory]
    [InlineData("Overlay")]
    [InlineData("ParallelCopy")]
    [InlineData("Copy")]
    public async Task Renamed_directories_of_the_cache_land_in_the_cache(string mode) =>
        await AssertChangesLandAsync(Enum.Parse<StagingTreeMode>(mode), "mv \"$1/dir-keep\" \"$1/dir-renamed\"\nmv \"$1/dir-del/sub\" \"$1/newsub\"\necho x >> \"$1/newsub/c\"");

    [Theory]
    [InlineData("Overlay")]
    [InlineData("ParallelCopy")]
    [InlineData("Copy")]
    public async Task A_compile_that_deletes_its_cache_directory_leaves_what_it_made_anew(string mode) =>
        await AssertChangesLandAsync(Enum.Parse<StagingTreeMode>(mode), "rm -rf \"$1\"\nmkdir \"$1\"\necho only > \"$1/only.txt\"");

    [Fact]
    public async Task A_warm_cache_is_overlay_mounted_not_copied()
    {
        var cache = SeedCache();
        var log = new RecordingLog();
        var buildpack = TreeModeSupport.Buildpack(_temp, "probe", "echo \"cache fs: $(stat -f -c %T \"$2\")\"");

        await TreeModeSupport.StageAsync(StagingTreeMode.Automatic, StagingFixture.Request(_temp, _temp.CreateApp("app", ("a", "a")), buildpack) with { CacheDirectory = cache }, log);

        Assert.Contains("out: cache fs: overlayfs", log.Lines);
        Assert.Contains("detail: The cache is used through an overlay mount; nothing was copied", log.Lines);
    }

    [Fact]
    public async Task A_cache_left_half_applied_by_a_killed_staging_is_discarded_and_the_next_starts_empty()
    {
        var cache = _temp.Combine("cache");
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var request = StagingFixture.Request(_temp, app, "recorder") with { CacheDirectory = cache };
        await TreeModeSupport.StageAsync(StagingTreeMode.Overlay, request, new RecordingLog());
        // What a staging killed while applying leaves: the stage with the marker, and no cache in its place.
        var stage = _temp.Combine(".cache.overlay-0123456789abcdef");
        Directory.CreateDirectory(Path.Combine(stage, "applying"));
        Directory.Move(cache, Path.Combine(stage, "applying", "cache"));
        var log = new RecordingLog();

        var result = await TreeModeSupport.StageAsync(StagingTreeMode.Overlay, request with { OutputPath = _temp.Combine("out", "next.tgz") }, log);

        Assert.Equal("1", StagingFixture.Recorded(result, "cache-count").Trim());
        Assert.Contains(log.Lines, l => l.StartsWith("info: A staging was killed while it saved the cache", StringComparison.Ordinal));
        Assert.False(Directory.Exists(stage));
        Assert.Equal("1\n", File.ReadAllText(Path.Combine(cache, "count")));
    }

    [Fact]
    public async Task A_cache_parked_by_a_staging_killed_during_compile_is_put_back_unchanged()
    {
        var cache = _temp.Combine("cache");
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var request = StagingFixture.Request(_temp, app, "recorder") with { CacheDirectory = cache };
        await TreeModeSupport.StageAsync(StagingTreeMode.Overlay, request, new RecordingLog());
        var stage = _temp.Combine(".cache.overlay-0123456789abcdef");
        Directory.CreateDirectory(Path.Combine(stage, "lower"));
        Directory.CreateDirectory(Path.Combine(stage, "upper"));
        File.WriteAllText(Path.Combine(stage, "upper", "half-done"), "x");
        Directory.Move(cache, Path.Combine(stage, "lower", "cache"));
        var log = new RecordingLog();

        var result = await TreeModeSupport.StageAsync(StagingTreeMode.Overlay, request with { OutputPath = _temp.Combine("out", "next.tgz") }, log);

        Assert.Equal("2", StagingFixture.Recorded(result, "cache-count").Trim());
        Assert.DoesNotContain(log.Lines, l => l.StartsWith("info: A staging was killed", StringComparison.Ordinal));
        Assert.False(Directory.Exists(stage));
        Assert.Equal(["count"], Directory.GetFileSystemEntries(cache).Select(Path.GetFileName));
    }

    // Stages with a compile that runs the changes on the cache, and compares the cache with the same changes made by bash
    // on a plain copy.
    private async Task AssertChangesLandAsync(StagingTreeMode mode, string changes)
    {
        var cache = SeedCache();
        var expected = SeedCache("expected");
        TreeModeSupport.Run("bash", "-c", changes, "bash", expected);
        var buildpack = TreeModeSupport.Buildpack(_temp, "changer", "bash \"$1/changes.sh\" \"$2\"");
        var app = _temp.CreateApp("app", ("changes.sh", changes));

        await TreeModeSupport.StageAsync(mode, StagingFixture.Request(_temp, app, buildpack) with { CacheDirectory = cache }, new RecordingLog());

        Assert.Equal(TreeState.Of(expected), TreeState.Of(cache));
        Assert.Equal(["cache", "cache.lock"], Directory.GetFileSystemEntries(_temp.Path, "*cache*").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(MountTable.Below(_temp.Path));
    }

    private string SeedCache(string name = "cache")
    {
        var cache = _temp.CreateApp(
            name,
            ("keep.txt", "keep\n"),
            ("modify.txt", "before\n"),
            ("delete.txt", "bye\n"),
            ("chmod.txt", "mode\n"),
            ("dir-del/a", "a\n"),
            ("dir-del/sub/c", "c\n"),
            ("dir-keep/x", "x\n"),
            ("dir-keep/y", "y\n"),
            ("replace-dir/old", "old\n"),
            ("file-to-dir", "file\n"),
            ("dir-to-file/inside", "inside\n"));
        File.CreateSymbolicLink(Path.Combine(cache, "link"), "keep.txt");
        return cache;
    }
}
