using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Staging;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Declared;

public sealed class HookTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _buildpack;

    public HookTests() => _buildpack = _temp.CreateBuildpack(
        "bp",
        ("compile", "echo compile >> \"$1/order\""),
        ("release", "echo release >> \"$1/order\"; echo '--- {default_process_types: {web: x}}'"));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Hooks_of_stackato_yml_then_the_request_run_in_the_build_directory_with_the_staging_environment_around_the_buildpacks()
    {
        var app = _temp.CreateApp("app", ("stackato.yml", "name: app\nhooks:\n  pre-staging:\n  - echo \"pre-app $PWD $STACK $GREETING\" >> order\n  post-staging: echo post-app >> order\n"));
        var log = new RecordingLog();

        var result = await StagingFixture.StageAsync(
            new StagingRequest
            {
                AppDirectory = app,
                OutputPath = _temp.Combine("out", "app.droplet.tgz"),
                Buildpacks = [_buildpack],
                Environment = new Dictionary<string, string> { ["GREETING"] = "hi" },
                PreStagingHooks = ["echo pre-request >> order; echo 'a line of output'"],
                PostStagingHooks = ["echo post-request >> order"],
            },
            log);

        var order = DropletContents.TextOf(result.DropletPath, "./app/order").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^pre-app /\S+/droplet/app heroku-24 hi$", order[0]);
        Assert.Equal(["pre-request", "compile", "post-app", "post-request", "release"], order[1..]);
        var header = log.Lines.ToList().IndexOf("start pre-staging hook 2 of 2");
        Assert.True(header >= 0 && log.Lines[header + 1] == "out: a line of output", string.Join("\n", log.Lines));
        Assert.Contains("start post-staging hook 1 of 2", log.Lines);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_failing_hook_fails_the_staging_with_its_own_code_and_exit_code_and_writes_no_droplet(bool pre)
    {
        var app = _temp.CreateApp("app", ("index.txt", "x"));
        var request = new StagingRequest { AppDirectory = app, OutputPath = _temp.Combine("out", "app.droplet.tgz"), Buildpacks = [_buildpack] };
        request = pre ? request with { PreStagingHooks = ["exit 7"] } : request with { PostStagingHooks = ["true", "false"] };

        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(request));

        Assert.Equal(ErrorCodes.HookFailed, error.Code);
        Assert.Equal(CfExitCodes.HookFailed, error.ExitCode);
        Assert.Contains(pre ? "pre-staging hook 1 of 1 failed with exit code 7" : "post-staging hook 2 of 2 failed with exit code 1", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(request.OutputPath));
    }

    [Fact]
    public async Task A_stackato_yml_whose_hooks_are_no_lists_of_commands_is_a_coded_error()
    {
        var app = _temp.CreateApp("app", ("stackato.yml", "hooks:\n  pre-staging: {a: b}\n"));

        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(new StagingRequest { AppDirectory = app, OutputPath = _temp.Combine("out", "app.droplet.tgz"), Buildpacks = [_buildpack] }));

        Assert.Equal(ErrorCodes.StackatoInvalid, error.Code);
        Assert.Contains("'hooks.pre-staging'", error.Message, StringComparison.Ordinal);
    }
}
