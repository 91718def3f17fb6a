using static Buildpacks.Cli.Tests.Support.InProcessCli;

namespace Buildpacks.Cli.Tests;

public sealed class LockAndCacheCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Lock_writes_the_lock_next_to_the_app_and_stage_then_fails_with_the_code_when_the_tag_moved()
    {
        var repo = GitRepo.Create(_temp.Combine("repo"), "v1");
        repo.Git("tag", "v1");
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var url = repo.FileUrl + "#v1";

        var locked = await InProcessAsync("lock", app, "--buildpack", url, "--buildpack-cache", _temp.Combine("bpcache"));
        var moved = repo.Commit("v2");
        repo.Git("tag", "-f", "v1");
        var stage = await InProcessAsync("stage", app, "-b", url, "--buildpack-cache", _temp.Combine("cold"), "--output", _temp.Combine("app.droplet.tgz"));

        Assert.True(locked.ExitCode == 0, locked.Error);
        Assert.Contains($"  {url}: git:{repo.Git("rev-parse", "v1~1").Trim()}", locked.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(app, "buildpacks.lock.json")));
        Assert.NotEqual(0, stage.ExitCode);
        Assert.Contains("BPK1152", stage.Error, StringComparison.Ordinal);
        Assert.Contains(moved, stage.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_buildpack_stages_and_locks_without_its_url_showing_anywhere()
    {
        const string SecretPath = "CLISECRETPATH9";
        using var server = new LoopbackServer((context, _) => LoopbackServer.SendAsync(context, BuildpackArchives.Tarball("secret-bp")));
        var url = $"http://127.0.0.1:{server.Port}/{SecretPath}/bp.tgz";
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var cache = _temp.Combine("bpcache");

        var locked = await InProcessAsync("lock", app, "--secret-buildpack", url, "--buildpack-cache", cache);
        var staged = await InProcessAsync("stage", app, "--secret-buildpack", url, "--buildpack-cache", cache, "--output", _temp.Combine("app.droplet.tgz"), "--result", _temp.Combine("result.json"));

        Assert.True(locked.ExitCode == 0, locked.Error);
        Assert.True(staged.ExitCode == 0, staged.Error);
        Assert.Contains("secret:http://127.0.0.1/***-", locked.Output, StringComparison.Ordinal);
        Assert.Equal("secret-bp\n", DropletContents.TextOf(_temp.Combine("app.droplet.tgz"), "./app/marker"));
        foreach (var text in new[] { locked.Output, locked.Error, staged.Output, staged.Error, File.ReadAllText(Path.Combine(app, "buildpacks.lock.json")), File.ReadAllText(_temp.Combine("result.json")) })
        {
            Assert.DoesNotContain(SecretPath, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Lock_without_a_buildpack_is_a_coded_error_naming_the_option()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));

        var run = await InProcessAsync("lock", app);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("BPK1157", run.Error, StringComparison.Ordinal);
        Assert.Contains("--buildpack", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cache_list_shows_entries_and_prune_older_than_keeps_recent_ones()
    {
        var repo = GitRepo.Create(_temp.Combine("repo"), "v1");
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var cache = _temp.Combine("bpcache");
        await InProcessAsync("lock", app, "--buildpack", repo.FileUrl + "#main", "--buildpack-cache", cache);

        var list = await InProcessAsync("cache", "list", "--buildpack-cache", cache);
        var recent = await InProcessAsync("cache", "prune", "--older-than", "30d", "--buildpack-cache", cache);
        var all = await InProcessAsync("cache", "prune", "--buildpack-cache", cache);
        var wrong = await InProcessAsync("cache", "prune", "--older-than", "soon", "--buildpack-cache", cache);

        Assert.True(list.ExitCode == 0, list.Error);
        Assert.Contains($"git:{repo.Head()}  {repo.FileUrl}#main", list.Output, StringComparison.Ordinal);
        Assert.Contains("(1 entry, ", list.Output, StringComparison.Ordinal);
        Assert.Contains("Removed 0 entries", recent.Output, StringComparison.Ordinal);
        Assert.Contains("Removed 1 entry", all.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateDirectories(Path.Combine(cache, "entries")));
        Assert.Contains("BPK1158", wrong.Error, StringComparison.Ordinal);
    }
}
