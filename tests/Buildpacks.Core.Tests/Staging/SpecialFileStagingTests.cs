using System.Net.Sockets;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Staging;
using Buildpacks.Core.Tests.Files;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Staging;

/// <summary>
/// Fifos, sockets and devices in the app or made by a buildpack: opening a fifo for reading waits for a writer
/// forever, which made packing (and with it --timeout, SIGTERM and Ctrl+C) hang. They are left out with a warning.
/// </summary>
public sealed class SpecialFileStagingTests : IDisposable
{
    // Guards the test run, not a timing assertion: before the fix these stagings never returned.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_fifo_made_by_compile_is_left_out_of_the_droplet_with_a_warning()
    {
        var buildpack = BuildpackWithCompile("mkfifo \"$1/pipe\"\nmkfifo \"$1/../deps/fifo-in-deps\"\necho made fifos");
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var log = new RecordingLog();

        var result = await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, buildpack), log).WaitAsync(HangGuard);

        var names = DropletContents.Read(result.DropletPath).Select(e => e.Name).ToList();
        Assert.Contains("./app/index.txt", names);
        Assert.DoesNotContain("./app/pipe", names);
        Assert.DoesNotContain("./deps/fifo-in-deps", names);
        var warning = Assert.Single(result.Warnings, w => w.Code == ErrorCodes.SpecialFileSkipped);
        Assert.Contains("'app/pipe' (a fifo)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("'deps/fifo-in-deps' (a fifo)", warning.Message, StringComparison.Ordinal);
        Assert.Contains(log.Warnings, w => w.Code == ErrorCodes.SpecialFileSkipped);
    }

    [Fact]
    public async Task A_fifo_and_a_socket_in_the_app_are_left_out_with_a_warning_naming_them()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"), ("run/keep.txt", "kept"));
        SpecialFileTests.MakeFifo(Path.Combine(app, "pipe"));
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(app, "run", "app.sock")));

        var result = await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, "recorder")).WaitAsync(HangGuard);

        var names = DropletContents.Read(result.DropletPath).Select(e => e.Name).ToList();
        Assert.Contains("./app/run/keep.txt", names);
        Assert.DoesNotContain("./app/pipe", names);
        Assert.DoesNotContain("./app/run/app.sock", names);
        var warning = Assert.Single(result.Warnings, w => w.Code == ErrorCodes.SpecialFileSkipped);
        Assert.Contains("'pipe' (a fifo)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("'run/app.sock' (a socket)", warning.Message, StringComparison.Ordinal);
        Assert.Equal(app, warning.File);
        Assert.True(File.Exists(Path.Combine(app, "pipe")), "the app directory is not modified");
    }

    [Fact]
    public async Task A_fifo_in_a_heroku_slug_is_left_out_too()
    {
        var buildpack = BuildpackWithCompile("mkfifo \"$1/pipe\"");
        var app = _temp.CreateApp("app", ("index.txt", "hi"));

        var result = await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, buildpack) with { Layout = DropletLayout.Heroku }).WaitAsync(HangGuard);

        Assert.DoesNotContain("./pipe", DropletContents.Read(result.DropletPath).Select(e => e.Name));
        Assert.Contains(result.Warnings, w => w.Code == ErrorCodes.SpecialFileSkipped && w.Message.Contains("'pipe' (a fifo)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fifo_left_in_the_cache_does_not_block_the_next_staging()
    {
        var buildpack = BuildpackWithCompile("[ -p \"$2/pipe\" ] || mkfifo \"$2/pipe\"\necho cached > \"$2/file\"");
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var request = StagingFixture.Request(_temp, app, buildpack) with { CacheDirectory = _temp.Combine("cache") };
        await StagingFixture.StageAsync(request).WaitAsync(HangGuard);

        var second = await StagingFixture.StageAsync(request).WaitAsync(HangGuard);

        Assert.True(File.Exists(second.DropletPath));
        Assert.Equal("cached\n", File.ReadAllText(_temp.Combine("cache", "file")));
    }

    [Theory]
    [InlineData("Procfile", DropletLayout.CloudFoundry)]
    [InlineData(".slugignore", DropletLayout.Heroku)]
    public async Task A_fifo_where_the_engine_reads_a_file_is_a_coded_error_not_a_hang(string name, DropletLayout layout)
    {
        var buildpack = BuildpackWithCompile($"mkfifo \"$1/{name}\"");
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var request = StagingFixture.Request(_temp, app, buildpack) with { Layout = layout };

        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(request).WaitAsync(HangGuard));

        Assert.Equal(ErrorCodes.NotARegularFile, error.Code);
        Assert.Contains($"'{name}' is a fifo", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(request.OutputPath));
    }

    [Fact]
    public async Task A_fifo_or_a_link_where_the_engine_writes_release_is_replaced_not_opened()
    {
        var outside = _temp.Combine("outside.txt");
        File.WriteAllText(outside, "not to be overwritten");
        var buildpack = BuildpackWithCompile($"ln -s '{outside}' \"$1/.release\"\nmkfifo \"$1/../staging_info.yml\"");
        var app = _temp.CreateApp("app", ("index.txt", "hi"));

        var heroku = await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, buildpack) with { Layout = DropletLayout.Heroku }).WaitAsync(HangGuard);
        var cf = await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, buildpack) with { OutputPath = _temp.Combine("cf.tgz") }).WaitAsync(HangGuard);

        Assert.Equal("not to be overwritten", File.ReadAllText(outside));
        Assert.Contains("default_process_types:", DropletContents.TextOf(heroku.DropletPath, "./.release"), StringComparison.Ordinal);
        Assert.Contains("detected_buildpack", DropletContents.TextOf(cf.DropletPath, "./staging_info.yml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_over_an_app_with_a_fifo_returns()
    {
        var app = _temp.CreateApp("app", ("recorder.txt", "yes"));
        SpecialFileTests.MakeFifo(Path.Combine(app, "pipe"));
        var log = new RecordingLog();

        var report = await BuildpackEngine.Default.DetectAsync(app, [Repository.FixtureBuildpack("recorder")], log).WaitAsync(HangGuard);

        Assert.Equal(Repository.FixtureBuildpack("recorder"), report.Winner);
        Assert.Contains(log.Warnings, w => w.Code == ErrorCodes.SpecialFileSkipped);
    }

    [Fact]
    public async Task The_fingerprint_of_an_app_with_a_fifo_is_computed_without_opening_it()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        SpecialFileTests.MakeFifo(Path.Combine(app, "pipe"));
        var request = StagingFixture.Request(_temp, app, "recorder");

        var fingerprint = await Task.Run(() => StagingFingerprint.Compute(request)).WaitAsync(HangGuard);

        Assert.NotEmpty(fingerprint);
    }

    private string BuildpackWithCompile(string body)
    {
        var buildpack = _temp.CopyBuildpack("recorder");
        File.WriteAllText(Path.Combine(buildpack, "bin", "compile"), "#!/usr/bin/env bash\nset -e\n" + body + "\n");
        return buildpack;
    }
}
