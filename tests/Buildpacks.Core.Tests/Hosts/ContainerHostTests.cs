using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Hosts;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Hosts;

/// <summary>Stagings in a real container engine (see <see cref="LocalContainerEngine"/>): every one must leave no container and no volume behind.</summary>
[Trait("Category", LocalContainerEngine.Category)]
public sealed class ContainerHostTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly IReadOnlyList<string> _before = LocalContainerEngine.Leftovers();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_same_app_staged_in_a_container_gives_the_same_droplet_as_on_this_machine()
    {
        var app = _temp.CreateApp("app", ("index.html", "hi"), ("Procfile", "web: serve\n"));
        var buildpack = Buildpack(
            "builder",
            "mkdir -p \"$1/bin\" \"$1/.profile.d\"; printf '#!/bin/sh\\necho tool\\n' > \"$1/bin/tool\"; chmod 755 \"$1/bin/tool\"; " +
            "ln -s bin/tool \"$1/tool-link\"; echo 'export FROM_PROFILE=1' > \"$1/.profile.d/env.sh\"; umask 077; echo private > \"$1/private\"; " +
            "echo built > \"$2/built\"; echo finalized");
        var onHost = StagingFixture.Request(_temp, app, buildpack) with { OutputPath = _temp.Combine("host", "app.droplet.tgz") };
        var inContainer = onHost with { OutputPath = _temp.Combine("container", "app.droplet.tgz"), CacheDirectory = _temp.Combine("cache") };

        var host = await StagingFixture.StageAsync(onHost);
        var log = new RecordingLog();
        var staged = await Engine().StageAsync(inContainer, log);

        Assert.Equal(host.Sha256, staged.Sha256);
        Assert.Contains("out: finalized", log.Lines);
        Assert.Equal(LocalContainerEngine.CurrentUser(), LocalContainerEngine.Owner(_temp.Combine("cache", "built")));
        Assert.Empty(LocalContainerEngine.Leftovers().Except(_before));
    }

    [Fact]
    public async Task Scripts_run_as_the_stacks_non_root_user_with_the_staging_variables()
    {
        var app = _temp.CreateApp("app", ("index.html", "hi"));
        var buildpack = Buildpack("whoami", "id -u > \"$1/uid\"; id -g > \"$1/gid\"; echo \"$STACK\" > \"$1/stack\"; echo \"$SECRET\" > \"$1/secret\"; touch \"$2/cached\"");
        var request = StagingFixture.Request(_temp, app, buildpack) with
        {
            CacheDirectory = _temp.Combine("cache"),
            Environment = new Dictionary<string, string> { ["SECRET"] = "a value with spaces" },
        };

        var staged = await Engine().StageAsync(request, new RecordingLog());

        Assert.Equal("1000", DropletContents.TextOf(staged.DropletPath, "./app/uid").Trim());
        Assert.Equal("1000", DropletContents.TextOf(staged.DropletPath, "./app/gid").Trim());
        Assert.Equal(request.Stack, DropletContents.TextOf(staged.DropletPath, "./app/stack").Trim());
        Assert.Equal("a value with spaces", DropletContents.TextOf(staged.DropletPath, "./app/secret").Trim());
        Assert.Equal(LocalContainerEngine.CurrentUser(), LocalContainerEngine.Owner(_temp.Combine("cache", "cached")));
        Assert.Empty(LocalContainerEngine.Leftovers().Except(_before));
    }

    [Fact]
    public async Task An_image_without_setpriv_or_CNB_ids_stages_as_the_given_user_and_without_one_is_a_coded_error()
    {
        var image = "localhost/buildpacks-stack-test:plain-" + Guid.NewGuid().ToString("N")[..8];
        var context = _temp.Combine("image");
        Directory.CreateDirectory(context);
        File.WriteAllText(Path.Combine(context, "Dockerfile"), $"FROM {LocalContainerEngine.StackImage}\nRUN rm /usr/bin/setpriv\nENV CNB_USER_ID= CNB_GROUP_ID=\n");
        var build = LocalContainerEngine.Docker("build", "--force-rm", "--tag", image, context);
        Assert.True(build.ExitCode == 0, build.Output);
        try
        {
            var app = _temp.CreateApp("app", ("index.html", "hi"));
            var buildpack = Buildpack("whoami", "id -u > \"$1/uid\"; touch \"$2/cached\"");
            var request = StagingFixture.Request(_temp, app, buildpack) with { CacheDirectory = _temp.Combine("cache") };

            var unknown = await Assert.ThrowsAsync<BuildpackException>(() => Engine(new ContainerHostOptions { Image = image }).StageAsync(request, new RecordingLog()));
            var staged = await Engine(new ContainerHostOptions { Image = image, User = "1001:1001" }).StageAsync(request, new RecordingLog());

            Assert.Equal(ErrorCodes.StackUserUnknown, unknown.Code);
            Assert.Equal("1001", DropletContents.TextOf(staged.DropletPath, "./app/uid").Trim());
            Assert.Equal(LocalContainerEngine.CurrentUser(), LocalContainerEngine.Owner(_temp.Combine("cache", "cached")));
            Assert.Empty(LocalContainerEngine.Leftovers().Except(_before));
        }
        finally
        {
            LocalContainerEngine.Docker("rmi", "--force", image);
        }
    }

    [Fact]
    public async Task A_failing_compile_is_a_compile_failure_and_leaves_no_container()
    {
        var app = _temp.CreateApp("app", ("index.html", "hi"), ("fail-compile", ""));
        var request = StagingFixture.Request(_temp, app, "recorder");
        var log = new RecordingLog();

        var error = await Assert.ThrowsAsync<BuildpackException>(() => Engine().StageAsync(request, log));

        Assert.Equal(ErrorCodes.CompileFailed, error.Code);
        Assert.Equal(CfExitCodes.CompileFailed, error.ExitCode);
        Assert.Contains("exit code 7", error.Message, StringComparison.Ordinal);
        Assert.Contains("out: compile failed on purpose", log.Lines);
        Assert.False(File.Exists(request.OutputPath));
        Assert.Empty(LocalContainerEngine.Leftovers().Except(_before));
    }

    [Fact]
    public async Task Cancelling_a_compile_stops_and_removes_its_container()
    {
        var app = _temp.CreateApp("app", ("index.html", "hi"));
        var request = StagingFixture.Request(_temp, app, "slow") with
        {
            Environment = new Dictionary<string, string> { ["SLOW_PID_FILE"] = "/tmp/slow.pids" },
        };
        using var cancellation = new CancellationTokenSource();
        var log = new RecordingLog
        {
            OnOutput = line =>
            {
                if (line == "slow compile started")
                {
                    cancellation.Cancel();
                }
            },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Engine().StageAsync(request, log, cancellation.Token));

        Assert.Contains("out: slow compile started", log.Lines);
        Assert.Empty(LocalContainerEngine.Leftovers().Except(_before));
    }

    [Fact]
    public async Task A_timeout_stops_and_removes_the_container()
    {
        var app = _temp.CreateApp("app", ("index.html", "hi"));
        var request = StagingFixture.Request(_temp, app, "slow") with
        {
            Environment = new Dictionary<string, string> { ["SLOW_PID_FILE"] = "/tmp/slow.pids" },
            Timeout = TimeSpan.FromSeconds(5),
        };

        var error = await Assert.ThrowsAsync<BuildpackException>(() => Engine().StageAsync(request, new RecordingLog()));

        Assert.Equal(ErrorCodes.Timeout, error.Code);
        Assert.Empty(LocalContainerEngine.Leftovers().Except(_before));
    }

    [Fact]
    public async Task An_engine_that_does_not_answer_is_a_coded_error_that_says_to_start_it()
    {
        var error = await StageWithAsync(new ContainerHostOptions { Image = LocalContainerEngine.StackImage, EngineHost = "unix://" + _temp.Combine("no-engine.sock") });

        Assert.Equal(ErrorCodes.ContainerEngineNotAnswering, error.Code);
        Assert.Contains("Start it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_CLI_is_a_coded_error_that_says_to_install_one()
    {
        var error = await StageWithAsync(new ContainerHostOptions { Image = LocalContainerEngine.StackImage, Cli = _temp.Combine("bin", "docker") });

        Assert.Equal(ErrorCodes.ContainerCliMissing, error.Code);
        Assert.Contains("Install Docker or podman", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_image_is_a_coded_error_that_says_nothing_is_pulled()
    {
        var error = await StageWithAsync(new ContainerHostOptions { Image = "localhost/no-such-stack:never" });

        Assert.Equal(ErrorCodes.StackImageMissing, error.Code);
        Assert.Contains("localhost/no-such-stack:never", error.Message, StringComparison.Ordinal);
        Assert.Empty(LocalContainerEngine.Leftovers().Except(_before));
    }

    private static BuildpackEngine Engine(ContainerHostOptions? options = null) =>
        new(new BuildpackEngineOptions { Host = new ContainerHost(options ?? new ContainerHostOptions { Image = LocalContainerEngine.StackImage }) });

    private async Task<BuildpackException> StageWithAsync(ContainerHostOptions options)
    {
        var app = _temp.CreateApp("app", ("index.html", "hi"));
        var request = StagingFixture.Request(_temp, app, "recorder");
        var error = await Assert.ThrowsAsync<BuildpackException>(() => Engine(options).StageAsync(request, new RecordingLog()));
        Assert.False(File.Exists(request.OutputPath));
        return error;
    }

    private string Buildpack(string name, string compile)
    {
        var bin = _temp.Combine(name, "bin");
        Directory.CreateDirectory(bin);
        File.WriteAllText(Path.Combine(bin, "detect"), "#!/usr/bin/env bash\nexit 0\n");
        File.WriteAllText(Path.Combine(bin, "compile"), "#!/usr/bin/env bash\nset -euo pipefail\n" + compile + "\n");
        foreach (var script in Directory.GetFiles(bin))
        {
            File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        }

        return _temp.Combine(name);
    }
}
