using System.Text.Json;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Requests;
using Buildpacks.Core.Sources;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Sources;

public sealed class LockFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly RecordingLog _log = new();

    public void Dispose() => _temp.Dispose();

    private BuildpackEngine Engine(string cache = "cache") => new(new BuildpackEngineOptions { BuildpackCacheDirectory = _temp.Combine(cache) });

    private Task<BuildpackLock> LockAsync(string app, params string[] references) =>
        Engine().LockAsync(new StagingRequestBuilder(_temp.Path).BuildLock(app, null, references), _log);

    private Task<Core.Staging.StagingResult> StageAsync(string app, string reference, string cache = "cache", string name = "app") =>
        Engine(cache).StageAsync(StagingFixture.Request(_temp, app) with { Buildpacks = [reference], OutputPath = _temp.Combine("out", name + ".droplet.tgz") }, _log);

    [Fact]
    public async Task A_moved_tag_fails_a_locked_staging_with_the_code_and_refreshing_the_lock_picks_the_new_commit()
    {
        var repo = GitRepo.Create(_temp.Combine("repo"), "v1");
        repo.Git("tag", "release");
        var v1 = repo.Head();
        var app = _temp.CreateApp("app", ("index.html", "hi"));
        var reference = repo.FileUrl + "#release";
        await LockAsync(app, reference);
        var v2 = repo.Commit("v2");
        repo.Git("tag", "-f", "release");

        // A warm cache serves the locked commit as it is: the lock, not the tag, says what runs.
        var warm = await StageAsync(app, reference, name: "warm");
        var moved = await Assert.ThrowsAsync<BuildpackException>(() => StageAsync(app, reference, cache: "cold-cache", name: "cold"));
        var unlocked = await LockAsync(app, reference);
        var refreshed = await StageAsync(app, reference, cache: "cold-cache", name: "refreshed");

        Assert.Equal("v1\n", DropletContents.TextOf(warm.DropletPath, "./app/marker"));
        Assert.Equal(new BuildpackIdentity("git", v1), warm.Buildpacks.Single().Identity);
        Assert.Equal(ErrorCodes.LockedVersionUnavailable, moved.Code);
        Assert.Contains(v1, moved.Message, StringComparison.Ordinal);
        Assert.Contains(v2, moved.Message, StringComparison.Ordinal);
        Assert.Contains("buildpacks lock", moved.Message, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(app, BuildpackLock.DefaultFileName), moved.File);
        Assert.False(File.Exists(_temp.Combine("out", "cold.droplet.tgz")));
        Assert.Equal(new BuildpackIdentity("git", v2), unlocked.Entries[reference].Identity);
        Assert.Equal("v2\n", DropletContents.TextOf(refreshed.DropletPath, "./app/marker"));
    }

    [Fact]
    public async Task A_changed_archive_fails_a_locked_staging_and_the_lock_holds_no_credentials()
    {
        var served = BuildpackArchives.Tarball("first");
        using var server = new LoopbackServer((context, _) => LoopbackServer.SendAsync(context, served));
        var url = $"http://user:LOCKSECRET1@127.0.0.1:{server.Port}/bp.tgz?token=LOCKSECRET2";
        var app = _temp.CreateApp("app", ("index.html", "hi"));

        var locked = await LockAsync(app, url);
        served = BuildpackArchives.Tarball("second");
        var error = await Assert.ThrowsAsync<BuildpackException>(() => StageAsync(app, url, cache: "cold-cache"));

        var text = File.ReadAllText(locked.Path);
        Assert.Equal(ErrorCodes.LockedVersionUnavailable, error.Code);
        Assert.Contains("now serves an archive", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LOCKSECRET", text + error, StringComparison.Ordinal);
        Assert.Equal([$"http://***@127.0.0.1:{server.Port}/bp.tgz?***"], locked.Entries.Keys);
        Assert.StartsWith("sha256:", locked.Entries.Single().Value.Identity.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_local_buildpack_is_locked_by_a_relative_key_and_an_edit_to_it_fails_the_staging()
    {
        var buildpack = _temp.CopyBuildpack("recorder");
        var app = _temp.CreateApp("app", ("index.html", "hi"));
        var locked = await LockAsync(app, buildpack);
        var before = await StageAsync(app, buildpack, name: "before");

        File.AppendAllText(Path.Combine(buildpack, "bin", "compile"), "\n# edited\n");
        var error = await Assert.ThrowsAsync<BuildpackException>(() => StageAsync(app, buildpack, name: "after"));

        Assert.Equal(["../" + Path.GetFileName(buildpack)], locked.Entries.Keys);
        Assert.Equal(locked.Entries.Single().Value.Identity, before.Buildpacks.Single().Identity);
        Assert.Equal(ErrorCodes.LockedVersionUnavailable, error.Code);
    }

    [Fact]
    public async Task A_buildpack_missing_from_the_lock_fails_and_a_named_lock_file_must_exist()
    {
        var repo = GitRepo.Create(_temp.Combine("repo"));
        var app = _temp.CreateApp("app", ("index.html", "hi"));
        await LockAsync(app, repo.FileUrl + "#main");

        var missing = await Assert.ThrowsAsync<BuildpackException>(() => StageAsync(app, repo.FileUrl + "#other"));
        var absent = Assert.Throws<BuildpackException>(() => new StagingRequestBuilder(_temp.Path).Build(new StagingInputs
        {
            AppDirectory = app,
            Buildpacks = { repo.FileUrl },
            LockFile = "no-such.lock.json",
        }));

        Assert.Equal(ErrorCodes.NotInLockFile, missing.Code);
        Assert.Contains(repo.FileUrl + "#other", missing.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.LockFileNotFound, absent.Code);
        Assert.Equal(_temp.Combine("no-such.lock.json"), absent.File);
    }

    [Fact]
    public async Task The_lock_file_is_sorted_and_a_refresh_with_nothing_changed_writes_the_same_bytes()
    {
        var b = GitRepo.Create(_temp.Combine("b-repo"), "b");
        var a = GitRepo.Create(_temp.Combine("a-repo"), "a");
        var app = _temp.CreateApp("app", ("index.html", "hi"));

        var first = await LockAsync(app, b.FileUrl + "#main", a.FileUrl + "#main");
        var bytes = File.ReadAllBytes(first.Path);
        await LockAsync(app, a.FileUrl + "#main", b.FileUrl + "#main");
        var later = BuildpackLock.Load(first.Path).Refreshed(
            [(BuildpackReference.Parse(a.FileUrl + "#main"), new BuildpackIdentity("git", a.Head())), (BuildpackReference.Parse(b.FileUrl + "#main"), new BuildpackIdentity("git", "0000000000000000000000000000000000000000"))],
            DateTimeOffset.UtcNow.AddDays(3));

        Assert.Equal(bytes, File.ReadAllBytes(first.Path));
        Assert.Equal(first.Entries[a.FileUrl + "#main"], later.Entries[a.FileUrl + "#main"]);
        Assert.NotEqual(first.Entries[b.FileUrl + "#main"].ResolvedAt, later.Entries[b.FileUrl + "#main"].ResolvedAt);
        using var json = JsonDocument.Parse(bytes);
        Assert.Equal(1, json.RootElement.GetProperty("version").GetInt32());
        Assert.Equal([a.FileUrl + "#main", b.FileUrl + "#main"], json.RootElement.GetProperty("buildpacks").EnumerateObject().Select(p => p.Name));
        Assert.Equal(a.Head(), json.RootElement.GetProperty("buildpacks").GetProperty(a.FileUrl + "#main").GetProperty("value").GetString());
        Assert.Empty(Directory.GetFiles(app, ".*.tmp"));
    }

    [Fact]
    public async Task The_fingerprint_follows_the_locked_identities()
    {
        var repo = GitRepo.Create(_temp.Combine("repo"), "v1");
        var app = _temp.CreateApp("app", ("index.html", "hi"));
        var request = StagingFixture.Request(_temp, app) with { Buildpacks = [repo.FileUrl + "#main"], LockFile = _temp.Combine("buildpacks.lock.json") };
        var lockRequest = new LockRequest(request.LockFile, request.Buildpacks);
        await Engine().LockAsync(lockRequest, _log);
        var locked = Engine().ComputeFingerprint(request);

        repo.Commit("v2");
        var unchanged = Engine().ComputeFingerprint(request);
        await Engine().LockAsync(lockRequest, _log);
        var refreshed = Engine().ComputeFingerprint(request);

        Assert.Equal(locked, unchanged);
        Assert.NotEqual(locked, refreshed);
    }
}
