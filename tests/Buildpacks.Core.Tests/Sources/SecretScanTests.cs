using System.Text;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Sources;

public sealed class SecretScanTests : IDisposable
{
    private const string Secret = "TOKEN9f3a";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_token_in_an_archive_url_appears_in_no_log_line_result_json_droplet_cache_file_or_error()
    {
        // The buildpack dumps its environment and the names around it into the droplet, so a leak into either shows.
        const UnixFileMode executable = (UnixFileMode)0b111_101_101;
        var archive = BuildpackArchives.Tarball(
            Tarball.Directory("bp/"),
            Tarball.Directory("bp/bin/"),
            Tarball.File("bp/bin/detect", "#!/usr/bin/env bash\necho Scanner\n", executable),
            Tarball.File("bp/bin/compile", "#!/usr/bin/env bash\nenv > \"$1/env.txt\"\nls -laR \"$(dirname \"$0\")/..\" > \"$1/tree.txt\"\necho \"compiling with $0\"\n", executable),
            Tarball.File("bp/bin/release", "#!/usr/bin/env bash\necho '---'\necho 'default_process_types:'\necho '  web: cat env.txt'\n", executable));
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("user:" + Secret));
        using var server = new LoopbackServer((context, _) =>
            context.Request.Headers["Authorization"] == expected && context.Request.QueryString["token"] == Secret
                ? LoopbackServer.SendAsync(context, archive)
                : LoopbackServer.SendAsync(context, [], 401));
        var url = $"http://user:{Secret}@127.0.0.1:{server.Port}/bp.tgz?token={Secret}";
        var engine = new BuildpackEngine(new BuildpackEngineOptions { BuildpackCacheDirectory = _temp.Combine("cache") });
        var app = _temp.CreateApp("app", ("index.html", "hi"));
        var log = new RecordingLog();
        var request = StagingFixture.Request(_temp, app) with { Buildpacks = [url], ResultPath = _temp.Combine("result.json") };

        var result = await engine.StageAsync(request, log);
        var failing = await Assert.ThrowsAsync<BuildpackException>(() => engine.StageAsync(
            request with { Buildpacks = [url.Replace("/bp.tgz", "/gone.tgz", StringComparison.Ordinal).Replace($"user:{Secret}", $"user:{Secret}x", StringComparison.Ordinal)] },
            log));

        Assert.Equal(ErrorCodes.ArchiveUnauthorized, failing.Code);
        Assert.Contains("./app/env.txt", DropletContents.Read(result.DropletPath).Select(e => e.Name));
        Assert.DoesNotContain(Secret, failing.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(log.Lines, line => line.Contains(Secret, StringComparison.Ordinal));
        Assert.Contains(log.Lines, line => line.Contains($"http://***@127.0.0.1:{server.Port}/bp.tgz?***", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, File.ReadAllText(request.ResultPath), StringComparison.Ordinal);
        Assert.DoesNotContain(result.Buildpacks, b => b.Key.Contains(Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(DropletContents.Read(result.DropletPath), e => (e.Text ?? "").Contains(Secret, StringComparison.Ordinal) || e.Name.Contains(Secret, StringComparison.Ordinal));
        Assert.All(
            Directory.EnumerateFiles(_temp.Combine("cache"), "*", SearchOption.AllDirectories),
            file => Assert.DoesNotContain(Secret, File.ReadAllText(file) + file, StringComparison.Ordinal));
    }
}
