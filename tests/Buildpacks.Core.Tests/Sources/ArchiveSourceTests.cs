using System.Security.Cryptography;
using System.Text;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Sources;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Sources;

public sealed class ArchiveSourceTests : IDisposable
{
    private static readonly ArchiveSourceOptions Quick = new() { RetryDelay = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromSeconds(30) };

    private readonly TempDirectory _temp = new();
    private readonly RecordingLog _log = new();
    private readonly byte[] _tarball = BuildpackArchives.Tarball("from-tgz");
    private readonly LoopbackServer _server;

    public ArchiveSourceTests()
    {
        _server = new LoopbackServer(async (context, count) =>
        {
            var request = context.Request;
            switch (request.Url!.AbsolutePath)
            {
                case "/bp.tgz":
                    await LoopbackServer.SendAsync(context, _tarball);
                    break;
                case "/private/bp.tgz":
                    var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("user:TOKEN"));
                    var authorized = request.Headers["Authorization"] == expected || request.QueryString["token"] == "TOKEN";
                    await LoopbackServer.SendAsync(context, authorized ? _tarball : [], authorized ? 200 : 401);
                    break;
                case "/moved.tgz":
                    context.Response.Redirect(_server!.Url("/bp.tgz"));
                    context.Response.Close();
                    break;
                case "/flaky.tgz":
                    await LoopbackServer.SendAsync(context, count == 1 ? [] : _tarball, count == 1 ? 500 : 200);
                    break;
                case "/truncated.tgz":
                    context.Response.ContentLength64 = _tarball.Length;
                    await context.Response.OutputStream.WriteAsync(_tarball.AsMemory(0, _tarball.Length / 2));
                    context.Response.Abort();
                    break;
                case "/bare.zip":
                    await LoopbackServer.SendAsync(context, BuildpackArchives.Zip("from-zip", modes: false));
                    break;
                case "/modes.zip":
                    await LoopbackServer.SendAsync(context, BuildpackArchives.Zip("from-zip", modes: true));
                    break;
                default:
                    await LoopbackServer.SendAsync(context, Encoding.UTF8.GetBytes("not here"), 404);
                    break;
            }
        });
    }

    public void Dispose()
    {
        _server.Dispose();
        _temp.Dispose();
    }

    private SourceContext Context(bool offline = false) =>
        new(_temp.Combine("cache"), offline, new Dictionary<string, BuildpackIdentity>(), _log, CancellationToken.None);

    private async Task<(ResolvedBuildpack Resolved, string Directory)> ResolveAsync(string url, bool offline = false, ArchiveSourceOptions? options = null)
    {
        var destination = _temp.Combine("dest-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(destination);
        var resolved = await new ArchiveSource(options ?? Quick).ResolveAsync(BuildpackReference.Parse(url), destination, Context(offline));
        return (resolved, destination);
    }

    private static string Marker(string directory) => File.ReadAllText(Path.Combine(directory, "marker")).Trim();

    [Fact]
    public async Task A_github_style_tarball_is_unwrapped_with_its_modes_and_its_sha256_is_the_identity()
    {
        var (resolved, directory) = await ResolveAsync(_server.Url("/bp.tgz"));

        Assert.Equal("from-tgz", Marker(directory));
        Assert.True(File.GetUnixFileMode(Path.Combine(directory, "bin", "compile")).HasFlag(UnixFileMode.UserExecute));
        Assert.False(File.GetUnixFileMode(Path.Combine(directory, "marker")).HasFlag(UnixFileMode.UserExecute));
        Assert.Equal(new BuildpackIdentity("archive", "sha256:" + Convert.ToHexStringLower(SHA256.HashData(_tarball))), resolved.Identity);
        Assert.Equal("bp", resolved.DefaultName);
    }

    [Fact]
    public async Task An_archive_already_fetched_for_the_url_is_served_from_the_cache_with_no_request()
    {
        await ResolveAsync(_server.Url("/bp.tgz"));
        var (_, directory) = await ResolveAsync(_server.Url("/bp.tgz"));
        var (_, offline) = await ResolveAsync(_server.Url("/bp.tgz"), offline: true);

        Assert.Equal(1, _server.Count("/bp.tgz"));
        Assert.Equal("from-tgz", Marker(directory));
        Assert.Equal("from-tgz", Marker(offline));
    }

    [Fact]
    public async Task Offline_an_archive_not_in_the_cache_is_a_coded_error_with_no_request()
    {
        var error = await Assert.ThrowsAsync<BuildpackException>(() => ResolveAsync(_server.Url("/private/bp.tgz?token=TOKEN"), offline: true));

        Assert.Equal(ErrorCodes.OfflineCacheMiss, error.Code);
        Assert.Contains(_server.Url("/private/bp.tgz?***"), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TOKEN", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _server.Count("/private/bp.tgz"));
    }

    [Fact]
    public async Task User_info_goes_out_as_basic_authentication_and_its_absence_is_a_coded_401()
    {
        var (_, directory) = await ResolveAsync(_server.Url("/private/bp.tgz").Replace("://", "://user:TOKEN@", StringComparison.Ordinal));
        var error = await Assert.ThrowsAsync<BuildpackException>(() => ResolveAsync(_server.Url("/private/bp.tgz")));

        Assert.Equal("from-tgz", Marker(directory));
        Assert.Equal(ErrorCodes.ArchiveUnauthorized, error.Code);
        Assert.Equal(2, _server.Count("/private/bp.tgz"));
    }

    [Fact]
    public async Task Redirects_are_followed()
    {
        var (_, directory) = await ResolveAsync(_server.Url("/moved.tgz"));

        Assert.Equal("from-tgz", Marker(directory));
        Assert.Equal(1, _server.Count("/bp.tgz"));
    }

    [Fact]
    public async Task A_404_fails_at_once_with_a_coded_error()
    {
        var error = await Assert.ThrowsAsync<BuildpackException>(() => ResolveAsync(_server.Url("/missing.tgz")));

        Assert.Equal(ErrorCodes.ArchiveDownloadFailed, error.Code);
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _server.Count("/missing.tgz"));
    }

    [Fact]
    public async Task A_500_is_retried_and_the_second_answer_used()
    {
        var (_, directory) = await ResolveAsync(_server.Url("/flaky.tgz"));

        Assert.Equal("from-tgz", Marker(directory));
        Assert.Equal(2, _server.Count("/flaky.tgz"));
    }

    [Fact]
    public async Task A_truncated_body_is_retried_then_fails_with_a_coded_error()
    {
        var error = await Assert.ThrowsAsync<BuildpackException>(() => ResolveAsync(_server.Url("/truncated.tgz")));

        Assert.Equal(ErrorCodes.ArchiveDownloadFailed, error.Code);
        Assert.Equal(Quick.MaxAttempts, _server.Count("/truncated.tgz"));
        Assert.False(Directory.EnumerateFileSystemEntries(_temp.Combine("cache", "entries")).Any());
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_fails_with_a_coded_error()
    {
        var error = await Assert.ThrowsAsync<BuildpackException>(() => ResolveAsync($"http://127.0.0.1:{FreePort.Next()}/bp.tgz"));

        Assert.Equal(ErrorCodes.ArchiveDownloadFailed, error.Code);
        Assert.Contains($"{Quick.MaxAttempts} attempt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_without_modes_gets_executable_scripts_and_a_warning()
    {
        var (_, directory) = await ResolveAsync(_server.Url("/bare.zip"));

        Assert.Equal("from-zip", Marker(directory));
        Assert.True(File.GetUnixFileMode(Path.Combine(directory, "bin", "compile")).HasFlag(UnixFileMode.UserExecute));
        Assert.Contains(_log.Warnings, warning => warning.Code == ErrorCodes.ZipWithoutModes);
    }

    [Fact]
    public async Task A_zip_with_modes_keeps_them_without_a_warning()
    {
        var (_, directory) = await ResolveAsync(_server.Url("/modes.zip"));

        Assert.True(File.GetUnixFileMode(Path.Combine(directory, "bin", "compile")).HasFlag(UnixFileMode.UserExecute));
        Assert.False(File.GetUnixFileMode(Path.Combine(directory, "marker")).HasFlag(UnixFileMode.UserExecute));
        Assert.Empty(_log.Warnings);
    }

    public static TheoryData<string> MaliciousEntries => ["dotdot", "absolute", "escaping-link", "outside-hardlink", "device"];

    [Theory]
    [MemberData(nameof(MaliciousEntries))]
    public async Task Malicious_entries_are_refused_with_a_coded_error_and_nothing_is_cached(string kind)
    {
        var entry = kind switch
        {
            "dotdot" => Tarball.File("bp/../../evil", "x"),
            "absolute" => Tarball.File("/tmp/evil", "x"),
            "escaping-link" => Tarball.Symlink("bp/bin/link", "../../../../etc"),
            "outside-hardlink" => Tarball.HardLink("bp/bin/hard", "/etc/passwd"),
            _ => Tarball.CharacterDevice("bp/bin/null"),
        };
        var archive = BuildpackArchives.Tarball(Tarball.Directory("bp/"), Tarball.Directory("bp/bin/"), Tarball.File("bp/bin/detect", "#!/bin/sh\n"), entry);
        using var server = new LoopbackServer((context, _) => LoopbackServer.SendAsync(context, archive));

        var error = await Assert.ThrowsAsync<BuildpackException>(() => ResolveAsync(server.Url("/evil.tgz")));

        Assert.Equal(ErrorCodes.UnsafeArchiveEntry, error.Code);
        Assert.Contains("/evil.tgz", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.EnumerateFileSystemEntries(_temp.Combine("cache", "entries")).Any());
        Assert.False(File.Exists("/tmp/evil") && File.ReadAllText("/tmp/evil") == "x");
    }

    [Fact]
    public async Task An_archive_over_the_entry_bound_is_refused_before_extraction()
    {
        var error = await Assert.ThrowsAsync<BuildpackException>(() => ResolveAsync(_server.Url("/bp.tgz"), options: Quick with { MaxEntries = 3 }));

        Assert.Equal(ErrorCodes.ArchiveTooLarge, error.Code);
    }

    [Fact]
    public async Task An_archive_over_the_size_bound_is_refused()
    {
        var error = await Assert.ThrowsAsync<BuildpackException>(() => ResolveAsync(_server.Url("/bp.tgz"), options: Quick with { MaxBytes = 100 }));

        Assert.Equal(ErrorCodes.ArchiveTooLarge, error.Code);
    }

    [Fact]
    public async Task Eight_concurrent_resolutions_of_a_new_url_fetch_it_once_and_all_get_it()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => ResolveAsync(_server.Url("/bp.tgz")))));

        Assert.Equal(1, _server.Count("/bp.tgz"));
        Assert.All(results, result => Assert.Equal("from-tgz", Marker(result.Directory)));
        Assert.Single(results.Select(r => r.Resolved.Identity).Distinct());
    }

    [Fact]
    public async Task A_download_reports_its_bytes_of_the_announced_length_to_a_log_that_shows_progress()
    {
        var progress = new ProgressLog();
        var destination = _temp.Combine("dest-progress");
        Directory.CreateDirectory(destination);
        var context = new SourceContext(_temp.Combine("cache"), false, new Dictionary<string, BuildpackIdentity>(), progress, CancellationToken.None);

        await new ArchiveSource(Quick).ResolveAsync(BuildpackReference.Parse(_server.Url("/bp.tgz")), destination, context);

        var last = Assert.Single(progress.Calls.GroupBy(call => call.Step)).Last();
        Assert.Equal("download " + _server.Url("/bp.tgz"), last.Step);
        Assert.Equal(_tarball.Length, last.Bytes);
        Assert.Equal(_tarball.Length, last.Total);
    }
}
