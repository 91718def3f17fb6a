using System.Text;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Requests;
using Buildpacks.Core.Sources;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Sources;

public sealed class SecretScanTests : IDisposable
{
    private const string Secret = "TOKEN9f3a";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_token_in_an_archive_url_appears_in_no_log_line_result_json_droplet_cache_file_lock_file_or_error()
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
        var request = StagingFixture.Request(_temp, app) with { Buildpacks = [url], ResultPath = _temp.Combine("result.json"), LockFile = _temp.Combine("buildpacks.lock.json") };

        var locked = await engine.LockAsync(new StagingRequestBuilder(_temp.Path).BuildLock(app, request.LockFile, [url]), log);
        var result = await engine.StageAsync(request, log);
        var failing = await Assert.ThrowsAsync<BuildpackException>(() => engine.StageAsync(
            request with { LockFile = null, Buildpacks = [url.Replace("/bp.tgz", "/gone.tgz", StringComparison.Ordinal).Replace($"user:{Secret}", $"user:{Secret}x", StringComparison.Ordinal)] },
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
        Assert.DoesNotContain(Secret, File.ReadAllText(locked.Path), StringComparison.Ordinal);
        Assert.Equal([$"http://***@127.0.0.1:{server.Port}/bp.tgz?***"], locked.Entries.Keys);
        Assert.Contains(log.Lines, line => line.Contains("pinned by the lock file", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("env")]
    [InlineData("secret")]
    public async Task A_whole_secret_url_from_an_env_variable_or_marked_secret_appears_nowhere_not_even_its_path(string form)
    {
        const string SecretPath = "SECRETHASH77e1";
        var archive = BuildpackArchives.Tarball("from-secret");
        using var server = new LoopbackServer((context, _) => context.Request.Url!.AbsolutePath == $"/{SecretPath}/bp.tgz"
            ? LoopbackServer.SendAsync(context, archive)
            : LoopbackServer.SendAsync(context, [], 404));
        var url = $"http://127.0.0.1:{server.Port}/{SecretPath}/bp.tgz";
        var gone = $"http://127.0.0.1:{server.Port}/{SecretPath}/gone.tgz";
        var variable = "BPK_TEST_BUILDPACK_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var goneVariable = variable + "_GONE";
        Environment.SetEnvironmentVariable(variable, url);
        Environment.SetEnvironmentVariable(goneVariable, gone);
        try
        {
            var reference = form == "env" ? "env:" + variable : "secret:" + url;
            var goneReference = form == "env" ? "env:" + goneVariable : "secret:" + gone;
            var engine = new BuildpackEngine(new BuildpackEngineOptions { BuildpackCacheDirectory = _temp.Combine("cache") });
            var app = _temp.CreateApp("app", ("index.html", "hi"));
            var log = new RecordingLog();
            var request = StagingFixture.Request(_temp, app) with { Buildpacks = [reference], ResultPath = _temp.Combine("result.json") };

            var locked = await engine.LockAsync(new StagingRequestBuilder(_temp.Path).BuildLock(app, null, [reference]), log);
            var result = await engine.StageAsync(request, log);
            var failing = await Assert.ThrowsAsync<BuildpackException>(() => engine.StageAsync(request with { Buildpacks = [goneReference], LockFile = null }, log));

            Assert.Equal("from-secret\n", DropletContents.TextOf(result.DropletPath, "./app/marker"));
            Assert.Equal(ErrorCodes.NotInLockFile, failing.Code);
            var missing = await Assert.ThrowsAsync<BuildpackException>(() => engine.LockAsync(new StagingRequestBuilder(_temp.Path).BuildLock(_temp.CreateApp("other", ("x", "y")), null, [goneReference]), log));
            Assert.Equal(ErrorCodes.ArchiveDownloadFailed, missing.Code);
            var key = Assert.Single(locked.Entries.Keys);
            Assert.Equal(result.Buildpacks.Single().Key, key);
            Assert.StartsWith(form == "env" ? "env:" + variable : $"secret:http://127.0.0.1/***-", key, StringComparison.Ordinal);
            foreach (var text in new[] { failing.ToString(), missing.ToString(), string.Join('\n', log.Lines), File.ReadAllText(request.ResultPath), File.ReadAllText(locked.Path) })
            {
                Assert.DoesNotContain(SecretPath, text, StringComparison.Ordinal);
            }

            Assert.DoesNotContain(DropletContents.Read(result.DropletPath), e => (e.Text ?? "").Contains(SecretPath, StringComparison.Ordinal) || e.Name.Contains(SecretPath, StringComparison.Ordinal));
            Assert.All(
                Directory.EnumerateFiles(_temp.Combine("cache"), "*", SearchOption.AllDirectories),
                file => Assert.DoesNotContain(SecretPath, File.ReadAllText(file) + file, StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
            Environment.SetEnvironmentVariable(goneVariable, null);
        }
    }

    [Fact]
    public async Task A_git_error_about_a_secret_url_hides_its_path_in_whatever_form_git_prints_it()
    {
        var url = "file://" + _temp.Combine("SECRETDIR31", "missing.git") + "#main";
        var destination = _temp.Combine("destination");
        Directory.CreateDirectory(destination);
        var context = new SourceContext(_temp.Combine("cache"), false, new Dictionary<string, BuildpackIdentity>(), new RecordingLog(), CancellationToken.None);

        var error = await Assert.ThrowsAsync<BuildpackException>(() => new GitSource().ResolveAsync(BuildpackReference.Parse("secret:" + url), destination, context));

        Assert.Equal(ErrorCodes.GitFetchFailed, error.Code);
        Assert.Contains("secret:***-", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETDIR31", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_env_reference_to_an_unset_variable_is_a_coded_error_naming_the_variable()
    {
        var error = Assert.Throws<BuildpackException>(() => BuildpackReference.Parse("env:BPK_TEST_NEVER_SET_4711"));

        Assert.Equal(ErrorCodes.BuildpackVariableNotSet, error.Code);
        Assert.Contains("BPK_TEST_NEVER_SET_4711", error.Message, StringComparison.Ordinal);
    }
}
