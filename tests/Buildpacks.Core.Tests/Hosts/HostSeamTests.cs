using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Hosts;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Hosts;

public sealed class HostSeamTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Every_script_runs_through_the_host_with_paths_as_the_host_maps_them()
    {
        var app = _temp.CreateApp("app", ("index.html", "hi"));
        var view = _temp.Combine("view");
        var host = new ViewHost(view);
        var engine = new BuildpackEngine(new BuildpackEngineOptions { Host = host });
        var request = StagingFixture.Request(_temp, app, "recorder") with { CacheDirectory = _temp.Combine("cache") };

        var result = await engine.StageAsync(request, new RecordingLog());

        Assert.Equal(["compile", "release"], host.Invocations.Select(i => Path.GetFileName(i.ScriptPath)));
        Assert.All(host.Invocations, invocation => Assert.StartsWith(view + "/", invocation.ScriptPath, StringComparison.Ordinal));
        var args = StagingFixture.Recorded(result, "args").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(view + "/workspace/droplet/app", args[0]);
        Assert.Equal(view + "/cache", args[1]);
        Assert.Equal(view + "/workspace/env", args[2]);

        // The working directory is a mount point too; through a symlink the kernel reports the physical path.
        Assert.Equal(view + "/workspace/droplet/app", host.Invocations[0].WorkingDirectory);
        var env = StagingFixture.Recorded(result, "env");
        Assert.Contains($"HOME={view}/workspace/home\n", env, StringComparison.Ordinal);
        Assert.Contains($"TMPDIR={view}/workspace/tmp\n", env, StringComparison.Ordinal);
        Assert.Equal("1", File.ReadAllText(_temp.Combine("cache", "count")).Trim());
        Assert.False(Directory.Exists(view + "/workspace"), "the session's mounts are gone with it");
    }

    [Fact]
    public async Task A_host_that_cannot_run_scripts_is_a_coded_error_and_writes_nothing()
    {
        var app = _temp.CreateApp("app", ("index.html", "hi"));
        var engine = new BuildpackEngine(new BuildpackEngineOptions { Host = new UnavailableHost() });
        var request = StagingFixture.Request(_temp, app, "recorder");

        var error = await Assert.ThrowsAsync<BuildpackException>(() => engine.StageAsync(request, new RecordingLog()));

        Assert.Equal(ErrorCodes.HostUnavailable, error.Code);
        Assert.Contains("start the engine", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(request.OutputPath));
    }

    private sealed class UnavailableHost : IStagingHost
    {
        public string Name => "nowhere";

        public HostAvailability CheckAvailability() => HostAvailability.Unavailable("no engine answers; start the engine and stage again.");

        public Task<IStagingHostSession> OpenSessionAsync(HostSessionLayout layout, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("an unavailable host must not be asked for a session");
    }
}
