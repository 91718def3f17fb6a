using System.Text.Json.Nodes;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Sources;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Sources;

public sealed class GitSourceTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly RecordingLog _log = new();
    private readonly string _gitCalls;
    private readonly GitSource _source;

    public GitSourceTests()
    {
        // A git that records each call before running the real one: "no git process" is then a fact to check.
        _gitCalls = _temp.Combine("git-calls");
        var wrapper = _temp.Combine("git-wrapper");
        File.WriteAllText(wrapper, $"#!/bin/sh\necho \"$*\" >> '{_gitCalls}'\nexec git \"$@\"\n");
        File.SetUnixFileMode(wrapper, (UnixFileMode)0b111_101_101);
        _source = new GitSource(wrapper);
    }

    public void Dispose() => _temp.Dispose();

    private SourceContext Context(bool offline = false) =>
        new(_temp.Combine("cache"), offline, new Dictionary<string, BuildpackIdentity>(), _log, CancellationToken.None);

    private string[] GitCalls => File.Exists(_gitCalls) ? File.ReadAllLines(_gitCalls) : [];

    private async Task<(ResolvedBuildpack Resolved, string Marker)> ResolveAsync(string reference, bool offline = false)
    {
        var destination = _temp.Combine("dest-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(destination);
        var resolved = await _source.ResolveAsync(BuildpackReference.Parse(reference), destination, Context(offline));
        return (resolved, File.ReadAllText(Path.Combine(destination, "marker")).Trim());
    }

    [Fact]
    public async Task Branches_tags_annotated_tags_and_the_default_branch_resolve_to_their_commits()
    {
        var repo = GitRepo.Create(_temp.Combine("repo"), "v1");
        var v1 = repo.Head();
        repo.Git("tag", "v1");
        repo.Git("checkout", "--quiet", "-b", "stable");
        var v2 = repo.Commit("v2");
        repo.Git("tag", "-a", "v2.0", "-m", "release 2.0");
        repo.Git("checkout", "--quiet", "main");
        var v3 = repo.Commit("v3");

        var (light, lightMarker) = await ResolveAsync(repo.FileUrl + "#v1");
        var (annotated, annotatedMarker) = await ResolveAsync(repo.FileUrl + "#v2.0");
        var (branch, branchMarker) = await ResolveAsync(repo.FileUrl + "#stable");
        var (tip, tipMarker) = await ResolveAsync(repo.FileUrl);

        Assert.Equal(("v1", new BuildpackIdentity("git", v1)), (lightMarker, light.Identity));
        Assert.Equal(("v2", new BuildpackIdentity("git", v2)), (annotatedMarker, annotated.Identity));
        Assert.Equal(("v2", new BuildpackIdentity("git", v2)), (branchMarker, branch.Identity));
        Assert.Equal(("v3", new BuildpackIdentity("git", v3)), (tipMarker, tip.Identity));
        Assert.Equal("repo", tip.DefaultName);
        Assert.Contains(_log.Lines, line => line.Contains("resolved to commit " + v2, StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(tip.Directory, ".git")));
    }

    [Fact]
    public async Task A_commit_sha_that_no_branch_points_at_is_fetched_and_checked_out_and_then_served_without_git()
    {
        var repo = GitRepo.Create(_temp.Combine("repo"), "old");
        var old = repo.Head();
        repo.Commit("new");

        var (first, marker) = await ResolveAsync(repo.FileUrl + "#" + old);
        Assert.Equal("old", marker);
        Assert.Equal(new BuildpackIdentity("git", old), first.Identity);
        Assert.NotEmpty(GitCalls);

        File.Delete(_gitCalls);
        var (second, again) = await ResolveAsync(repo.FileUrl + "#" + old);

        Assert.Equal("old", again);
        Assert.Equal(first.Identity, second.Identity);
        Assert.Empty(GitCalls);
    }

    [Fact]
    public async Task An_abbreviated_commit_resolves_to_the_full_one()
    {
        var repo = GitRepo.Create(_temp.Combine("repo"), "old");
        var old = repo.Head();
        repo.Commit("new");

        var (resolved, marker) = await ResolveAsync(repo.FileUrl + "#" + old[..10]);

        Assert.Equal("old", marker);
        Assert.Equal(new BuildpackIdentity("git", old), resolved.Identity);
    }

    [Fact]
    public async Task A_moved_tag_is_noticed_with_one_ls_remote()
    {
        var repo = GitRepo.Create(_temp.Combine("repo"), "v1");
        repo.Git("tag", "release");
        Assert.Equal("v1", (await ResolveAsync(repo.FileUrl + "#release")).Marker);

        File.Delete(_gitCalls);
        Assert.Equal("v1", (await ResolveAsync(repo.FileUrl + "#release")).Marker);
        Assert.Single(GitCalls, call => call.Contains("ls-remote", StringComparison.Ordinal));
        Assert.DoesNotContain(GitCalls, call => call.Contains("clone", StringComparison.Ordinal));

        repo.Commit("v2");
        repo.Git("tag", "-f", "release");
        Assert.Equal("v2", (await ResolveAsync(repo.FileUrl + "#release")).Marker);
    }

    [Fact]
    public async Task Submodules_come_along_recursively()
    {
        var sub = GitRepo.Create(_temp.Combine("sub"), "from-submodule");
        var repo = GitRepo.Create(_temp.Combine("repo"), "top");
        repo.Git("submodule", "--quiet", "add", sub.FileUrl, "sub");
        repo.Git("commit", "--quiet", "-m", "add submodule");

        var destination = _temp.Combine("dest");
        await _source.ResolveAsync(BuildpackReference.Parse(repo.FileUrl + "#main"), destination, Context());

        Assert.Equal("from-submodule", File.ReadAllText(Path.Combine(destination, "sub", "marker")).Trim());
        Assert.False(File.Exists(Path.Combine(destination, "sub", ".git")));
    }

    [Fact]
    public async Task An_unknown_ref_is_a_coded_error_that_says_what_to_give()
    {
        var repo = GitRepo.Create(_temp.Combine("repo"));

        var error = await Assert.ThrowsAsync<BuildpackException>(() => ResolveAsync(repo.FileUrl + "#no-such-branch"));

        Assert.Equal(ErrorCodes.GitRefNotFound, error.Code);
        Assert.Contains("no-such-branch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_repository_fails_without_prompting_and_without_showing_the_token()
    {
        var url = $"http://someone:TOKEN123@127.0.0.1:{FreePort.Next()}/team/bp.git?key=QUERYSECRET#main";

        var error = await Assert.ThrowsAsync<BuildpackException>(() => ResolveAsync(url));

        Assert.Equal(ErrorCodes.GitFetchFailed, error.Code);
        Assert.DoesNotContain("TOKEN123", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("QUERYSECRET", error.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_log.Lines, line => line.Contains("TOKEN123", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Offline_a_cached_branch_is_served_without_git_and_a_miss_is_a_coded_error()
    {
        var repo = GitRepo.Create(_temp.Combine("repo"), "v1");
        var miss = await Assert.ThrowsAsync<BuildpackException>(() => ResolveAsync(repo.FileUrl + "#main", offline: true));
        Assert.Equal(ErrorCodes.OfflineCacheMiss, miss.Code);
        Assert.Contains(repo.FileUrl + "#main", miss.Message, StringComparison.Ordinal);
        Assert.Contains("--buildpack-cache", miss.Message, StringComparison.Ordinal);
        Assert.Empty(GitCalls);

        await ResolveAsync(repo.FileUrl + "#main");
        File.Delete(_gitCalls);
        Directory.Delete(repo.Path, recursive: true);

        Assert.Equal("v1", (await ResolveAsync(repo.FileUrl + "#main", offline: true)).Marker);
        Assert.Empty(GitCalls);
    }

    [Fact]
    public async Task A_staging_from_a_git_tag_reports_the_commit_in_the_result_and_result_json()
    {
        var repo = GitRepo.Create(_temp.Combine("repo"), "v1");
        repo.Git("tag", "v1.2.0");
        var commit = repo.Head();
        var engine = new BuildpackEngine(new BuildpackEngineOptions { BuildpackCacheDirectory = _temp.Combine("cache") });
        var app = _temp.CreateApp("app", ("index.html", "hi"));
        var request = StagingFixture.Request(_temp, app) with
        {
            Buildpacks = [repo.FileUrl + "#v1.2.0"],
            ResultPath = _temp.Combine("result.json"),
        };

        var result = await engine.StageAsync(request, _log);

        Assert.Equal(new BuildpackIdentity("git", commit), result.Buildpacks.Single().Identity);
        Assert.Equal("v1\n", DropletContents.TextOf(result.DropletPath, "./app/marker"));
        var json = JsonNode.Parse(File.ReadAllText(request.ResultPath))!;
        Assert.Equal("git:" + commit, (string?)json["lifecycle_metadata"]!["buildpacks"]![0]!["identity"]);
    }

    [Fact]
    public async Task A_private_repository_over_smart_http_is_cloned_with_the_credentials_in_its_url_which_never_show()
    {
        var root = _temp.Combine("served");
        var work = GitRepo.Create(_temp.Combine("work"), "over-http");
        work.Git("tag", "-a", "v1.0", "-m", "v1.0");
        GitRepo.Run(_temp.Path, "clone", "--quiet", "--bare", work.Path, Path.Combine(root, "bp.git"));
        using var server = new GitHttpServer(root, token: "HTTPTOKEN42");
        var url = server.Url("bp.git").Replace("://", "://user:HTTPTOKEN42@", StringComparison.Ordinal);

        var (tagged, marker) = await ResolveAsync(url + "#v1.0");
        var refused = await Assert.ThrowsAsync<BuildpackException>(() => ResolveAsync(server.Url("bp.git").Replace("://", "://user:WRONGTOKEN7@", StringComparison.Ordinal) + "#main"));

        Assert.Equal("over-http", marker);
        Assert.Equal(new BuildpackIdentity("git", work.Head()), tagged.Identity);
        Assert.Equal(ErrorCodes.GitFetchFailed, refused.Code);
        Assert.DoesNotContain("WRONGTOKEN7", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_log.Lines, line => line.Contains("HTTPTOKEN42", StringComparison.Ordinal));
        Assert.Equal($"http://***@127.0.0.1:{server.Port}/bp.git#v1.0", tagged.Key);
    }
}
