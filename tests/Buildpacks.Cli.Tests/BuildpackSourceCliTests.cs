using System.Text;
using Buildpacks.Cli.Tests.Support;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Cli.Tests;

[Trait("Category", "EndToEnd")]
public sealed class BuildpackSourceCliTests : IDisposable
{
    private const string Secret = "CLITOKEN77";
    private readonly TempDirectory _temp = new();
    private readonly byte[] _tarball = BuildpackArchives.Tarball("from-url");
    private readonly LoopbackServer _server;

    public BuildpackSourceCliTests()
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("user:" + Secret));
        _server = new LoopbackServer((context, _) => context.Request.Headers["Authorization"] == expected
            ? LoopbackServer.SendAsync(context, _tarball)
            : LoopbackServer.SendAsync(context, [], 401));
    }

    public void Dispose()
    {
        _server.Dispose();
        _temp.Dispose();
    }

    private string SecretUrl(string path) => $"http://user:{Secret}@127.0.0.1:{_server.Port}{path}?token={Secret}";

    private string[] Stage(string app, string buildpack, string name, params string[] more) =>
        ["stage", app, "--buildpack", buildpack, "--output", _temp.Combine(name + ".droplet.tgz"), "--buildpack-cache", _temp.Combine("bpcache"), "--log-format", "plain", .. more];

    [Fact]
    public async Task A_token_url_stages_leaks_nowhere_and_a_warm_staging_succeeds_with_no_network_at_all()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var result = _temp.Combine("result.json");

        var cold = await CliProcess.RunAsync(Stage(app, SecretUrl("/bp.tgz"), "cold", "--result", result));
        var warm = await CliProcess.RunWithoutNetworkAsync(Stage(app, SecretUrl("/bp.tgz"), "warm"));

        Assert.True(cold.ExitCode == 0, CliProcess.Describe(cold));
        Assert.True(warm.ExitCode == 0, CliProcess.Describe(warm));
        Assert.Equal(1, _server.Count("/bp.tgz"));
        Assert.Contains("from the buildpack cache", warm.Output, StringComparison.Ordinal);
        Assert.Equal("from-url\n", DropletContents.TextOf(_temp.Combine("warm.droplet.tgz"), "./app/marker"));
        foreach (var text in new[] { cold.Output, cold.Error, warm.Output, warm.Error, File.ReadAllText(result) })
        {
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(DropletContents.Read(_temp.Combine("cold.droplet.tgz")), e => (e.Text ?? "").Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Offline_a_buildpack_not_in_the_cache_fails_with_the_code_the_redacted_url_and_how_to_warm_it()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));

        var run = await CliProcess.RunAsync(Stage(app, SecretUrl("/bp.tgz"), "offline", "--offline"));
        var byEnvironment = await CliProcess.RunAsync(Stage(app, SecretUrl("/bp.tgz"), "offline2"), new Dictionary<string, string?> { ["BUILDPACKS_OFFLINE"] = "1" });

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("BPK1148", run.Error, StringComparison.Ordinal);
        Assert.Contains($"http://***@127.0.0.1:{_server.Port}/bp.tgz?***", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.Error + run.Output, StringComparison.Ordinal);
        Assert.Contains("BPK1148", byEnvironment.Error, StringComparison.Ordinal);
        Assert.Equal(0, _server.Count("/bp.tgz"));
    }

    [Fact]
    public async Task A_git_tag_and_a_commit_stage_and_then_stage_again_offline_without_network()
    {
        var repo = GitRepo.Create(_temp.Combine("repo.git"), "tagged");
        repo.Git("tag", "v1.2.0");
        var tagged = repo.Head();
        repo.Commit("later");
        var app = _temp.CreateApp("app", ("index.txt", "hi"));

        var tag = await CliProcess.RunAsync(Stage(app, repo.FileUrl + "#v1.2.0", "tag"));
        var sha = await CliProcess.RunAsync(Stage(app, repo.FileUrl + "#" + tagged, "sha"));
        var offline = await CliProcess.RunWithoutNetworkAsync(Stage(app, repo.FileUrl + "#v1.2.0", "offline"), new Dictionary<string, string?> { ["BUILDPACKS_OFFLINE"] = "1" });

        Assert.True(tag.ExitCode == 0, CliProcess.Describe(tag));
        Assert.True(sha.ExitCode == 0, CliProcess.Describe(sha));
        Assert.True(offline.ExitCode == 0, CliProcess.Describe(offline));
        Assert.True(tag.Output.Contains("resolved to commit " + tagged, StringComparison.Ordinal), CliProcess.Describe(tag));
        Assert.Contains($"git:{tagged} (from the buildpack cache)", sha.Output, StringComparison.Ordinal);
        Assert.Equal("tagged\n", DropletContents.TextOf(_temp.Combine("offline.droplet.tgz"), "./app/marker"));
    }

    [Fact]
    public async Task Four_processes_staging_the_same_new_url_through_one_cache_fetch_it_once()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => CliProcess.RunAsync(Stage(app, SecretUrl("/bp.tgz"), "parallel" + i))));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, CliProcess.Describe(run)));
        Assert.Equal(1, _server.Count("/bp.tgz"));
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal("from-url\n", DropletContents.TextOf(_temp.Combine($"parallel{i}.droplet.tgz"), "./app/marker")));
    }

    [Fact]
    public async Task Detect_takes_url_candidates_and_the_same_cache_options()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));

        var run = await CliProcess.RunAsync(["detect", app, "--candidate", SecretUrl("/bp.tgz"), "--buildpack-cache", _temp.Combine("bpcache"), "--log-format", "plain"]);

        Assert.True(run.ExitCode == 0, CliProcess.Describe(run));
        Assert.Contains($"yes: http://***@127.0.0.1:{_server.Port}/bp.tgz?***", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.Output + run.Error, StringComparison.Ordinal);
    }
}
