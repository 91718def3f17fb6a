using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Staging;
using Buildpacks.Core.Tests.Files;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Staging;

/// <summary>
/// The build directory comes as an overlay mount over the app (nothing copied), a parallel copy or a copy. Whichever,
/// a buildpack that changes everything it can leaves the app directory as it was, and the droplets are the same bytes.
/// </summary>
public sealed class BuildDirectoryModeTests : IDisposable
{
    private const string Mutations = """
        b="$1"
        echo "build fs: $(stat -f -c %T "$b")"
        echo more >> "$b/append.txt"
        : > "$b/truncate.txt"
        chmod 755 "$b/script.sh"
        chmod 700 "$b/private"
        rm "$b/delete.txt"
        mv "$b/rename-from.txt" "$b/renamed.txt"
        mv "$b/moved-dir" "$b/moved-dir-new"
        rm -rf "$b/gone"
        echo linked-changed >> "$b/hard-a"
        echo new > "$b/new.txt"
        mkdir -p "$b/newdir/deep"
        echo deep > "$b/newdir/deep/file"
        ln -s renamed.txt "$b/new-link"
        ls -a "$b" > "$b/listing.txt"
        """;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Every_mode_leaves_the_app_unchanged_and_makes_the_same_droplet()
    {
        var app = CreateApp();
        var before = TreeState.Of(app);
        var buildpack = TreeModeSupport.Buildpack(_temp, "mutator", Mutations);
        var droplets = new Dictionary<StagingTreeMode, byte[]>();
        var warnings = new Dictionary<StagingTreeMode, string>();

        foreach (var mode in TreeModeSupport.Forced)
        {
            var log = new RecordingLog();
            var request = StagingFixture.Request(_temp, app, buildpack) with { OutputPath = _temp.Combine("out", $"{mode}.tgz") };

            var result = await TreeModeSupport.StageAsync(mode, request, log);

            Assert.Equal(before, TreeState.Of(app));
            droplets[mode] = File.ReadAllBytes(result.DropletPath);
            warnings[mode] = Assert.Single(result.Warnings, w => w.Code == ErrorCodes.SpecialFileSkipped).Message;
            var overlaid = log.Lines.Contains("out: build fs: overlayfs");
            Assert.True(overlaid == (mode == StagingTreeMode.Overlay), string.Join('\n', log.Lines));
            Assert.Contains(log.Lines, l => l.StartsWith("detail: The app directory", StringComparison.Ordinal));
        }

        var names = DropletContents.Read(_temp.Combine("out", "Overlay.tgz")).Select(e => e.Name).ToList();
        Assert.Contains("./app/renamed.txt", names);
        Assert.Contains("./app/moved-dir-new/inner.txt", names);
        Assert.Contains("./app/newdir/deep/file", names);
        Assert.DoesNotContain("./app/gone/", names);
        Assert.DoesNotContain("./app/delete.txt", names);
        Assert.DoesNotContain("./app/.git/", names);
        Assert.DoesNotContain("./app/sub/pipe", names);
        Assert.Equal("a\nlinked-changed\n", DropletContents.TextOf(_temp.Combine("out", "Overlay.tgz"), "./app/hard-a"));
        Assert.Equal("a\n", DropletContents.TextOf(_temp.Combine("out", "Overlay.tgz"), "./app/hard-b"));
        Assert.DoesNotContain(".git", DropletContents.TextOf(_temp.Combine("out", "Overlay.tgz"), "./app/listing.txt"), StringComparison.Ordinal);
        Assert.Equal(droplets[StagingTreeMode.Copy], droplets[StagingTreeMode.Overlay]);
        Assert.Equal(droplets[StagingTreeMode.Copy], droplets[StagingTreeMode.ParallelCopy]);
        Assert.Equal(warnings[StagingTreeMode.Copy], warnings[StagingTreeMode.Overlay]);
        Assert.Equal(warnings[StagingTreeMode.Copy], warnings[StagingTreeMode.ParallelCopy]);
    }

    [Fact]
    public async Task An_app_path_with_commas_colons_and_backslashes_is_overlay_mounted()
    {
        var app = _temp.CreateApp("we,ird:na\\me", ("index.txt", "hi"));
        var before = TreeState.Of(app);
        var log = new RecordingLog();
        var buildpack = TreeModeSupport.Buildpack(_temp, "mutator", "echo \"build fs: $(stat -f -c %T \"$1\")\"\necho changed > \"$1/index.txt\"");

        var result = await TreeModeSupport.StageAsync(StagingTreeMode.Overlay, StagingFixture.Request(_temp, app, buildpack), log);

        Assert.Contains("out: build fs: overlayfs", log.Lines);
        Assert.Equal("changed\n", DropletContents.TextOf(result.DropletPath, "./app/index.txt"));
        Assert.Equal(before, TreeState.Of(app));
    }

    [Fact]
    public async Task A_droplet_written_into_the_app_directory_makes_the_automatic_mode_copy_the_app()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var log = new RecordingLog();
        var buildpack = TreeModeSupport.Buildpack(_temp, "probe", "echo \"build fs: $(stat -f -c %T \"$1\")\"");

        var result = await TreeModeSupport.StageAsync(StagingTreeMode.Automatic, StagingFixture.Request(_temp, app, buildpack) with { OutputPath = Path.Combine(app, "app.droplet.tgz") }, log);

        Assert.DoesNotContain("out: build fs: overlayfs", log.Lines);
        Assert.Contains(log.Lines, l => l.StartsWith("detail: The app directory was copied for staging", StringComparison.Ordinal));
        Assert.DoesNotContain(DropletContents.Read(result.DropletPath), e => e.Name.Contains("droplet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cancelled_staging_leaves_no_mount_and_no_workspace()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var buildpack = TreeModeSupport.Buildpack(_temp, "waiter", "echo \"workspace: $(dirname \"$(dirname \"$1\")\")\"\necho waiting\nsleep 300");
        using var cancellation = new CancellationTokenSource();
        string? workspace = null;
        var mountsDuring = new List<string>();
        var log = new RecordingLog
        {
            OnOutput = line =>
            {
                if (line.StartsWith("workspace: ", StringComparison.Ordinal))
                {
                    workspace = line["workspace: ".Length..];
                }
                else if (line == "waiting")
                {
                    mountsDuring.AddRange(MountTable.Below(workspace!));
                    cancellation.Cancel();
                }
            },
        };
        var request = StagingFixture.Request(_temp, app, buildpack) with { CacheDirectory = _temp.Combine("cache") };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TreeModeSupport.StageAsync(StagingTreeMode.Overlay, request, log, cancellation.Token));

        Assert.NotNull(workspace);
        Assert.NotEmpty(mountsDuring);
        Assert.Empty(MountTable.Below(workspace));
        Assert.False(Directory.Exists(workspace));
        Assert.Empty(MountTable.Below(_temp.Path));
        Assert.Equal(["cache.lock"], Directory.GetFileSystemEntries(_temp.Path, "*cache*").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private string CreateApp()
    {
        var app = _temp.CreateApp(
            "app",
            ("append.txt", "a\n"),
            ("truncate.txt", "long content\n"),
            ("script.sh", "echo hi\n"),
            ("private/x", "x\n"),
            ("delete.txt", "bye\n"),
            ("rename-from.txt", "renamed\n"),
            ("moved-dir/inner.txt", "inner\n"),
            ("gone/a.txt", "a\n"),
            ("gone/sub/b.txt", "b\n"),
            ("hard-a", "a\n"),
            (".git/HEAD", "ref: refs/heads/main\n"),
            (".slugignore", "*.log\n"),
            ("debug.log", "noise\n"),
            ("sub/kept.txt", "kept\n"));
        File.SetUnixFileMode(Path.Combine(app, "script.sh"), (UnixFileMode)0b110_100_100);
        File.SetUnixFileMode(Path.Combine(app, "private"), (UnixFileMode)0b111_101_101);
        File.CreateSymbolicLink(Path.Combine(app, "link"), "append.txt");
        TreeModeSupport.Run("ln", Path.Combine(app, "hard-a"), Path.Combine(app, "hard-b"));
        SpecialFileTests.MakeFifo(Path.Combine(app, "sub", "pipe"));
        return app;
    }
}
