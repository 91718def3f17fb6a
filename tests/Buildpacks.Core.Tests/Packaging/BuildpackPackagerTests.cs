using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Packaging;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Packaging;

public sealed class BuildpackPackagerTests : IDisposable
{
    private static readonly byte[] Tool = Encoding.UTF8.GetBytes("#!/bin/sh\necho tool 1.2.3\n");

    private readonly TempDirectory _temp = new();
    private readonly RecordingLog _log = new();
    private readonly LoopbackServer _server;
    private readonly CancellationTokenSource _stopped = new();

    public BuildpackPackagerTests()
    {
        _server = new LoopbackServer(async (context, count) =>
        {
            switch (context.Request.Url!.AbsolutePath)
            {
                case "/tool-1.2.3.tgz":
                    await LoopbackServer.SendAsync(context, Tool);
                    break;
                case "/unavailable-twice/tool-1.2.3.tgz":
                    await LoopbackServer.SendAsync(context, count <= 2 ? [] : Tool, count <= 2 ? 503 : 200);
                    break;
                case "/reset-once/tool-1.2.3.tgz" when count == 1:
                    // Headers promise the whole file, then the connection drops.
                    context.Response.ContentLength64 = Tool.Length;
                    await context.Response.OutputStream.WriteAsync(Tool.AsMemory(0, 3));
                    context.Response.Abort();
                    break;
                case "/reset-once/tool-1.2.3.tgz":
                    await LoopbackServer.SendAsync(context, Tool);
                    break;
                case "/slow-once/tool-1.2.3.tgz":
                    if (count == 1)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(20), _stopped.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                    }

                    await LoopbackServer.SendAsync(context, Tool);
                    break;
                case "/always-503/tool-1.2.3.tgz":
                    await LoopbackServer.SendAsync(context, [], 503);
                    break;
                default:
                    await LoopbackServer.SendAsync(context, Encoding.UTF8.GetBytes("not here"), 404);
                    break;
            }
        });
    }

    public void Dispose()
    {
        _stopped.Cancel();
        _stopped.Dispose();
        _server.Dispose();
        _temp.Dispose();
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private string Buildpack(string manifest)
    {
        var buildpack = _temp.CreateBuildpack("bp", ("compile", "echo compile"), ("detect", "exit 0"));
        File.WriteAllText(Path.Combine(buildpack, "manifest.yml"), manifest);
        File.WriteAllText(Path.Combine(buildpack, "VERSION"), "1.4.0\n");
        return buildpack;
    }

    private string Manifest(string checksum = "", string path = "/tool-1.2.3.tgz", string extra = "") =>
        $"""
        language: tool
        stack: cflinuxfs4
        custom_key: kept
        {extra}
        default_versions:
        - name: tool
          version: 1.2.3
        dependencies:
        - name: tool
          version: 1.2.3
          uri: {_server.Url(path)}
          {(checksum.Length == 0 ? "sha256: " + Sha256(Tool) : checksum)}
          cf_stacks: [cflinuxfs4]
        - name: tool
          version: 0.9.0
          uri: {_server.Url("/tool-0.9.0.tgz")}
          sha256: {new string('0', 64)}
          cf_stacks: [cflinuxfs3]
        """;

    private Task<PackageResult> PackageAsync(string buildpack, bool cached = true, bool force = false, string? output = null) =>
        new BuildpackPackager(_log).PackageAsync(new PackageOptions
        {
            BuildpackDirectory = buildpack,
            Cached = cached,
            ForceDownload = force,
            Output = output,
            DownloadCache = _temp.Combine("download-cache"),
            DownloadRetryDelay = TimeSpan.FromMilliseconds(10),
            DownloadTimeout = TimeSpan.FromSeconds(2),
        });

    private static Dictionary<string, ZipArchiveEntry> Entries(ZipArchive zip) => zip.Entries.ToDictionary(e => e.FullName);

    [Fact]
    public async Task Cached_package_holds_the_stack_s_dependency_and_a_manifest_pointing_at_it()
    {
        var result = await PackageAsync(Buildpack(Manifest()));

        Assert.Equal("tool_buildpack-cached-cflinuxfs4-v1.4.0.zip", Path.GetFileName(result.Zip));
        using var zip = ZipFile.OpenRead(result.Zip);
        var entries = Entries(zip);
        var dependency = Assert.Single(entries.Keys, k => k.StartsWith("dependencies/", StringComparison.Ordinal));
        Assert.EndsWith("/tool-1.2.3.tgz", dependency);
        using (var body = new StreamReader(entries[dependency].Open()))
        {
            Assert.Equal(Encoding.UTF8.GetString(Tool), await body.ReadToEndAsync());
        }

        using var manifest = new StreamReader(entries["manifest.yml"].Open());
        var text = await manifest.ReadToEndAsync();
        // As Cloud Foundry's packager writes it: 'file' points into the zip, 'uri' is left as it was.
        Assert.Contains("file: " + dependency, text);
        Assert.Contains("uri: " + _server.Url("/tool-1.2.3.tgz"), text);
        Assert.DoesNotContain("file://", text);
        Assert.Contains("custom_key: kept", text);
        Assert.DoesNotContain("0.9.0", text);
        Assert.Equal(0, _server.Count("/tool-0.9.0.tgz"));
    }

    [Fact]
    public async Task Uncached_package_downloads_nothing_and_keeps_exec_bits()
    {
        var result = await PackageAsync(Buildpack(Manifest()), cached: false);

        Assert.Equal("tool_buildpack-cflinuxfs4-v1.4.0.zip", Path.GetFileName(result.Zip));
        Assert.Equal(0, _server.Count("/tool-1.2.3.tgz"));
        using var zip = ZipFile.OpenRead(result.Zip);
        var entries = Entries(zip);
        Assert.DoesNotContain(entries.Keys, k => k.StartsWith("dependencies/", StringComparison.Ordinal));
        var mode = (UnixFileMode)((entries["bin/compile"].ExternalAttributes >> 16) & 0x1FF);
        Assert.True(mode.HasFlag(UnixFileMode.UserExecute), $"bin/compile has mode {mode}");
        Assert.False(((UnixFileMode)((entries["VERSION"].ExternalAttributes >> 16) & 0x1FF)).HasFlag(UnixFileMode.UserExecute));
    }

    [Fact]
    public async Task Two_packagings_are_byte_identical()
    {
        var buildpack = Buildpack(Manifest());
        var first = await PackageAsync(buildpack, output: _temp.Combine("one.zip"));
        var second = await PackageAsync(buildpack, output: _temp.Combine("two.zip"));

        Assert.Equal(await File.ReadAllBytesAsync(first.Zip), await File.ReadAllBytesAsync(second.Zip));
    }

    [Fact]
    public async Task Second_packaging_is_served_from_the_download_cache_unless_forced()
    {
        var buildpack = Buildpack(Manifest());
        await PackageAsync(buildpack);
        await PackageAsync(buildpack);
        Assert.Equal(1, _server.Count("/tool-1.2.3.tgz"));

        await PackageAsync(buildpack, force: true);
        Assert.Equal(2, _server.Count("/tool-1.2.3.tgz"));
    }

    [Theory]
    [InlineData("sha256: 1111111111111111111111111111111111111111111111111111111111111111")]
    [InlineData("md5: 22222222222222222222222222222222")]
    public async Task Checksum_mismatch_is_coded_and_leaves_no_zip(string checksum)
    {
        var buildpack = Buildpack(Manifest(checksum));

        var error = await Assert.ThrowsAsync<BuildpackException>(() => PackageAsync(buildpack));

        Assert.Equal(ErrorCodes.DependencyChecksumMismatch, error.Code);
        Assert.Contains("'tool' 1.2.3", error.Message);
        Assert.Empty(Directory.GetFiles(buildpack, "*.zip*"));
    }

    [Fact]
    public async Task Md5_checksum_that_matches_is_accepted()
    {
        var md5 = Convert.ToHexStringLower(MD5.HashData(Tool));
        var result = await PackageAsync(Buildpack(Manifest("md5: " + md5)));

        Assert.True(File.Exists(result.Zip));
    }

    [Fact]
    public async Task Missing_dependency_is_a_coded_error_without_zip()
    {
        var buildpack = Buildpack(Manifest(path: "/gone.tgz"));

        var error = await Assert.ThrowsAsync<BuildpackException>(() => PackageAsync(buildpack));

        Assert.Equal(ErrorCodes.DependencyDownloadFailed, error.Code);
        Assert.Contains("404", error.Message);
        Assert.Empty(Directory.GetFiles(buildpack, "*.zip*"));
    }

    [Theory]
    [InlineData("/unavailable-twice/tool-1.2.3.tgz", 3)]
    [InlineData("/reset-once/tool-1.2.3.tgz", 2)]
    [InlineData("/slow-once/tool-1.2.3.tgz", 2)]
    public async Task Transient_download_failures_are_retried(string path, int requests)
    {
        var result = await PackageAsync(Buildpack(Manifest(path: path)));

        Assert.Equal(requests, _server.Count(path));
        Assert.Contains(_log.Lines, line => line.Contains($"trying again ({requests}/3)", StringComparison.Ordinal));
        using var zip = ZipFile.OpenRead(result.Zip);
        using var body = new StreamReader(zip.Entries.Single(e => e.FullName.StartsWith("dependencies/", StringComparison.Ordinal)).Open());
        Assert.Equal(Encoding.UTF8.GetString(Tool), await body.ReadToEndAsync());
    }

    [Fact]
    public async Task A_404_is_not_retried_and_a_lasting_5xx_gives_up_after_the_attempts()
    {
        var missing = Buildpack(Manifest(path: "/gone.tgz"));
        await Assert.ThrowsAsync<BuildpackException>(() => PackageAsync(missing));
        Assert.Equal(1, _server.Count("/gone.tgz"));

        var unavailable = await Assert.ThrowsAsync<BuildpackException>(() => PackageAsync(Buildpack(Manifest(path: "/always-503/tool-1.2.3.tgz")), output: _temp.Combine("x.zip")));
        Assert.Equal(ErrorCodes.DependencyDownloadFailed, unavailable.Code);
        Assert.Contains("503", unavailable.Message);
        Assert.Contains("after 3 attempt(s)", unavailable.Message);
        Assert.Equal(3, _server.Count("/always-503/tool-1.2.3.tgz"));
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_reported()
    {
        var closed = $"http://127.0.0.1:{FreePort.Next()}/tool-1.2.3.tgz";
        var buildpack = Buildpack(Manifest().Replace(_server.Url("/tool-1.2.3.tgz"), closed, StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<BuildpackException>(() => PackageAsync(buildpack));

        Assert.Equal(ErrorCodes.DependencyDownloadFailed, error.Code);
        Assert.Contains(_log.Lines, line => line.Contains("trying again (3/3)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_defaults_for_one_dependency_fail_before_any_download()
    {
        var buildpack = Buildpack(Manifest().Replace("default_versions:\n", "default_versions:\n- name: tool\n  version: 0.9.0\n"));

        var error = await Assert.ThrowsAsync<BuildpackException>(() => PackageAsync(buildpack));

        Assert.Equal(ErrorCodes.DefaultVersionTwice, error.Code);
        Assert.Contains("'tool' (0.9.0, 1.2.3)", error.Message);
        Assert.Equal(0, _server.Count("/tool-1.2.3.tgz"));
    }

    [Fact]
    public async Task Default_not_listed_for_the_stack_fails_naming_the_versions()
    {
        var buildpack = Buildpack(Manifest().Replace("  version: 1.2.3\ndependencies", "  version: 0.9.0\ndependencies"));

        var error = await Assert.ThrowsAsync<BuildpackException>(() => PackageAsync(buildpack));

        Assert.Equal(ErrorCodes.DefaultVersionMissing, error.Code);
        Assert.Contains("0.9.0 of 'tool'", error.Message);
        Assert.Contains("listed: 1.2.3", error.Message);
    }

    [Fact]
    public async Task Dependency_without_checksum_fails()
    {
        var buildpack = Buildpack(Manifest("cf_stacks_only: true"));

        var error = await Assert.ThrowsAsync<BuildpackException>(() => PackageAsync(buildpack));

        Assert.Equal(ErrorCodes.DependencyChecksumMissing, error.Code);
    }

    [Fact]
    public async Task Past_deprecation_date_is_a_warning()
    {
        var result = await PackageAsync(Buildpack(Manifest(extra: "dependency_deprecation_dates:\n- name: tool\n  version_line: 1.2.x\n  date: 2001-01-01")), cached: false);

        var warning = Assert.Single(result.Warnings);
        Assert.Equal(ErrorCodes.DependencyDeprecated, warning.Code);
        Assert.Contains("1.2.x", warning.Message);
    }

    [Fact]
    public async Task Exclude_files_are_left_out_at_any_depth()
    {
        var buildpack = Buildpack(Manifest(extra: "exclude_files:\n- .git/\n- '*.log'"));
        File.WriteAllText(Path.Combine(buildpack, "build.log"), "x");
        Directory.CreateDirectory(Path.Combine(buildpack, "lib"));
        File.WriteAllText(Path.Combine(buildpack, "lib", "deep.log"), "x");
        File.WriteAllText(Path.Combine(buildpack, "lib", "keep.sh"), "x");
        Directory.CreateDirectory(Path.Combine(buildpack, ".git"));
        File.WriteAllText(Path.Combine(buildpack, ".git", "HEAD"), "x");

        var result = await PackageAsync(buildpack, cached: false);

        using var zip = ZipFile.OpenRead(result.Zip);
        Assert.Equal(["VERSION", "bin/compile", "bin/detect", "lib/keep.sh", "manifest.yml"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Include_files_are_the_only_files_packaged()
    {
        var buildpack = Buildpack(Manifest(extra: "include_files:\n- bin/compile\n- VERSION\n- manifest.yml"));
        File.WriteAllText(Path.Combine(buildpack, "notes.txt"), "x");

        var result = await PackageAsync(buildpack, cached: false);

        using var zip = ZipFile.OpenRead(result.Zip);
        Assert.Equal(["VERSION", "bin/compile", "manifest.yml"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Pre_package_runs_in_a_copy_before_zipping()
    {
        var buildpack = Buildpack(Manifest(extra: "pre_package: echo built > generated.txt"));

        var result = await PackageAsync(buildpack, cached: false);

        Assert.False(File.Exists(Path.Combine(buildpack, "generated.txt")));
        using var zip = ZipFile.OpenRead(result.Zip);
        using var body = new StreamReader(zip.GetEntry("generated.txt")!.Open());
        Assert.Equal("built\n", await body.ReadToEndAsync());
    }

    [Fact]
    public async Task Entries_carry_the_source_date_epoch_time()
    {
        var result = await new BuildpackPackager(_log).PackageAsync(new PackageOptions
        {
            BuildpackDirectory = Buildpack(Manifest()),
            Timestamp = BuildpackPackager.TimestampFrom("1700000000"),
        });

        using var zip = ZipFile.OpenRead(result.Zip);
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20), e.LastWriteTime.DateTime));
        Assert.Equal(new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero), BuildpackPackager.TimestampFrom(null));
    }

    [Fact]
    public async Task A_stack_and_any_stack_together_are_refused_by_the_engine_for_every_door()
    {
        var error = await Assert.ThrowsAsync<BuildpackException>(() => new BuildpackPackager(_log).PackageAsync(new PackageOptions
        {
            BuildpackDirectory = Buildpack(Manifest()),
            Stack = "cflinuxfs4",
            AnyStack = true,
        }));

        Assert.Equal(ErrorCodes.PackageOptionsConflict, error.Code);
    }

    [Fact]
    public void Default_version_is_read_from_the_manifest()
    {
        var manifest = _temp.Write("m/manifest.yml", Manifest());

        Assert.Equal("1.2.3", BuildpackPackager.DefaultVersion(manifest, "tool"));
        Assert.Equal(ErrorCodes.NoDefaultVersion, Assert.Throws<BuildpackException>(() => BuildpackPackager.DefaultVersion(manifest, "other")).Code);
    }
}
