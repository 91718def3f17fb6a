using Buildpacks.Core.Sources;
using Buildpacks.Core.Tests.Support;
using Cake.Buildpacks.Tests.Support;
using Cake.Core;

namespace Cake.Buildpacks.Tests;

public sealed class BuildpackLockAndCacheAliasTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeCakeContext _context;

    public BuildpackLockAndCacheAliasTests() => _context = new FakeCakeContext(_temp.Path);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void BuildpackLock_writes_the_lock_into_the_app_directory_and_the_cache_aliases_list_and_prune_it()
    {
        var repo = GitRepo.Create(_temp.Combine("repo"), "v1");
        _temp.CreateApp("app", ("index.txt", "x"));

        var locked = _context.BuildpackLock("app", new BuildpackLockSettings().WithBuildpack(repo.FileUrl + "#main").SetBuildpackCacheRoot("bpcache"));
        var listed = _context.BuildpackCacheList("bpcache");
        var kept = _context.BuildpackCachePrune("30d", "bpcache");
        var removed = _context.BuildpackCachePrune(null, "bpcache");

        Assert.Equal(_temp.Combine("app", BuildpackLock.DefaultFileName), locked.Path);
        Assert.Equal(new BuildpackIdentity("git", repo.Head()), locked.Entries[repo.FileUrl + "#main"].Identity);
        Assert.Equal(["git:" + repo.Head()], listed.Select(e => e.Identity));
        Assert.Empty(kept);
        Assert.Equal(listed.Select(e => e.Key), removed.Select(e => e.Key));
        Assert.Contains($"Removed {repo.FileUrl}#main (git:{repo.Head()})", _context.FakeLog.Lines);
    }

    [Fact]
    public void An_env_reference_stages_through_Cake_with_the_url_read_from_the_environment_and_never_shown()
    {
        var repo = GitRepo.Create(_temp.Combine("CAKESECRETREPO"), "from-env");
        var variable = "BPK_TEST_CAKE_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        _temp.CreateApp("app", ("index.txt", "x"));
        Environment.SetEnvironmentVariable(variable, repo.FileUrl + "#main");
        try
        {
            var result = _context.BuildpackStage("app", new BuildpackStageSettings()
                .WithBuildpack("env:" + variable)
                .SetBuildpackCacheRoot("bpcache")
                .SetDropletPath("app.droplet.tgz"));

            Assert.Equal("from-env\n", DropletContents.TextOf(result.DropletPath, "./app/marker"));
            Assert.Equal("env:" + variable, result.Buildpacks.Single().Key);
            Assert.DoesNotContain(_context.FakeLog.Lines, line => line.Contains("CAKESECRETREPO", StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void BuildpackLock_without_a_buildpack_fails_with_the_code_and_the_setter_name()
    {
        _temp.CreateApp("app", ("index.txt", "x"));

        var error = Assert.Throws<CakeException>(() => _context.BuildpackLock("app", new BuildpackLockSettings()));

        Assert.StartsWith("BPK1157", error.Message, StringComparison.Ordinal);
        Assert.Contains("WithBuildpack", error.Message, StringComparison.Ordinal);
    }
}
