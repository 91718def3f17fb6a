using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Staging;

public sealed class CompileContractTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Compile_gets_absolute_build_cache_env_paths_cwd_build_and_dev_null_stdin()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));

        var result = await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, "recorder") with { CacheDirectory = _temp.Combine("cache") });

        var args = StagingFixture.Recorded(result, "args").TrimEnd('\n').Split('\n');
        Assert.Equal("3", StagingFixture.Recorded(result, "argc").Trim());
        Assert.All(args, a => Assert.True(Path.IsPathRooted(a), a));
        Assert.EndsWith("/droplet/app", args[0], StringComparison.Ordinal);
        Assert.Equal(args[0], StagingFixture.Recorded(result, "cwd").Trim());
        // The working cache beside the cache: as root an overlay of it (.cache.overlay-ID/merged/cache), else a copy.
        Assert.Matches(@"^" + System.Text.RegularExpressions.Regex.Escape(_temp.Path) + @"/\.cache\.(overlay-[0-9a-f]{32}/merged/cache|staging-[0-9a-f]{32})$", args[1]);
        Assert.EndsWith("/env", args[2], StringComparison.Ordinal);
        Assert.Equal("/dev/null", StagingFixture.Recorded(result, "stdin").Trim());
    }

    [Fact]
    public async Task Output_is_streamed_line_by_line_between_phase_headers()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var log = new RecordingLog();

        await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, "recorder"), log);

        var lines = log.Lines.ToList();
        var start = lines.IndexOf("start compile recorder");
        var output = lines.IndexOf("out: compiling app");
        var error = lines.IndexOf("err: a warning on stderr");
        var end = lines.IndexOf("end compile recorder");
        var release = lines.IndexOf("start release recorder");
        Assert.True(start >= 0 && start < output && output < end && start < error && error < end && end < release, string.Join("\n", lines));
    }

    [Fact]
    public async Task The_buildpack_may_write_next_to_itself_but_the_users_copy_stays_clean()
    {
        var buildpack = _temp.CopyBuildpack("recorder");
        var app = _temp.CreateApp("app", ("index.txt", "hi"));

        var result = await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, buildpack));

        Assert.Equal("recorder-web --marker=written-by-compile", result.ProcessTypes["web"]);
        Assert.False(File.Exists(Path.Combine(buildpack, "export")));
    }

    [Fact]
    public async Task The_app_directory_is_identical_after_staging()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"), ("compile-writes-procfile", ""), ("sub/data.bin", "bytes"));
        File.SetUnixFileMode(Path.Combine(app, "index.txt"), (UnixFileMode)0b110_100_000);
        File.CreateSymbolicLink(Path.Combine(app, "link"), "index.txt");
        var before = Snapshot(app);

        await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, "recorder") with { OutputPath = Path.Combine(app, "app.droplet.tgz") });

        var after = Snapshot(app);
        after.Remove("app.droplet.tgz"); // asked for, inside the app: the only change, and not staged into itself
        Assert.Equal(before, after);
    }

    private static SortedDictionary<string, string> Snapshot(string root)
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, entry.FullName);
            snapshot[relative] = entry.LinkTarget is { } link
                ? "link:" + link
                : entry is FileInfo file ? $"{file.UnixFileMode}:{File.ReadAllText(file.FullName)}" : $"dir:{entry.UnixFileMode}";
        }

        return snapshot;
    }
}
