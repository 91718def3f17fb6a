using System.Collections;
using Buildpacks.Cli.Commands;
using Buildpacks.Core.Droplets;
using Buildpacks.Core.Staging;
using Buildpacks.Tasks;
using Cake.Buildpacks.Tests.Support;
using Microsoft.Build.Framework;

namespace Cake.Buildpacks.Tests;

/// <summary>What a new user tries: an app whose .buildpacks lists two git buildpacks, staged through every door.</summary>
public sealed class DeclaredBuildpacksDoorsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task An_app_with_a_buildpacks_file_of_two_git_buildpacks_stages_alike_through_the_CLI_MSBuild_and_Cake()
    {
        var root = _temp.Combine("git");
        Serve(root, "first.git", "echo \"first ran\" > \"$1/first\"\necho 'export FIRST_SAYS=hello' > \"$(dirname \"$0\")/../export\"");
        Serve(root, "second.git", "echo \"second saw FIRST_SAYS=$FIRST_SAYS\" > \"$1/second\"");
        using var server = new GitHttpServer(root);
        var app = _temp.CreateApp("app", ("index.txt", "x"), (".buildpacks", $"# two buildpacks\r\n{server.Url("first.git")}#main\r\n{server.Url("second.git")}\r\n"));

        var cli = _temp.Combine("cli.droplet.tgz");
        var (exit, output) = await Cli("stage", app, "--output", cli, "--buildpack-cache", _temp.Combine("cache-cli"));

        var msbuild = _temp.Combine("msbuild.droplet.tgz");
        var staged = MSBuildTask(app, msbuild, task => task.BuildpackCacheRoot = _temp.Combine("cache-msbuild")).Execute();

        var cake = new FakeCakeContext(_temp.Path).BuildpackStage(app, new BuildpackStageSettings()
            .SetDropletPath("cake.droplet.tgz")
            .SetBuildpackCacheRoot("cache-cake"));

        Assert.True(exit == 0, output);
        Assert.True(staged);
        Assert.Equal("second saw FIRST_SAYS=hello\n", DropletContents.TextOf(cli, "./app/second"));
        Assert.Equal("first ran\n", DropletContents.TextOf(cli, "./app/first"));
        var sha = DropletInspector.Sha256Of(cli);
        Assert.Equal(sha, DropletInspector.Sha256Of(msbuild));
        Assert.Equal(sha, cake.Sha256);
    }

    [Fact]
    public async Task A_manifest_and_its_application_are_picked_alike_through_the_CLI_MSBuild_and_Cake()
    {
        var buildpack = _temp.CreateBuildpack("bp", ("compile", "echo \"$GREETING\" > \"$1/greeting\""));
        var manifest = _temp.Write("cf/manifest.yml", $"applications:\n- name: one\n  buildpacks: [{buildpack}]\n  env: {{GREETING: from-one}}\n- name: two\n  buildpacks: [{buildpack}]\n  env: {{GREETING: from-two}}\n");
        var app = _temp.CreateApp("app", ("index.txt", "x"));

        var cli = _temp.Combine("cli.droplet.tgz");
        var (exit, output) = await Cli("stage", app, "--output", cli, "--manifest", manifest, "--app", "two");
        var msbuild = _temp.Combine("msbuild.droplet.tgz");
        var staged = MSBuildTask(app, msbuild, task =>
        {
            task.ManifestPath = manifest;
            task.ManifestApplication = "two";
        }).Execute();
        var cake = new FakeCakeContext(_temp.Path).BuildpackStage(app, new BuildpackStageSettings()
            .SetDropletPath("cake.droplet.tgz")
            .SetManifestPath("cf/manifest.yml")
            .SetManifestApplication("two"));

        Assert.True(exit == 0, output);
        Assert.True(staged);
        Assert.Equal("from-two\n", DropletContents.TextOf(cli, "./app/greeting"));
        Assert.Equal(DropletInspector.Sha256Of(cli), DropletInspector.Sha256Of(msbuild));
        Assert.Equal(DropletInspector.Sha256Of(cli), cake.Sha256);
    }

    [Fact]
    public async Task Platform_and_hooks_reach_the_engine_alike_through_the_CLI_MSBuild_and_Cake_and_explain_prints_the_cf_profile()
    {
        var buildpack = _temp.CreateBuildpack("bp", ("compile", "echo \"args=$# CF_STACK=$CF_STACK STACK=${STACK-unset}\" >> \"$1/printed\""));
        var app = _temp.CreateApp("app", ("index.txt", "x"));

        var cli = _temp.Combine("cli.droplet.tgz");
        var (exit, output) = await Cli("stage", app, "-b", buildpack, "--output", cli, "--platform", "cf", "--pre-staging", "echo pre; echo more >> printed", "--post-staging", "echo post >> printed");
        var msbuild = _temp.Combine("msbuild.droplet.tgz");
        var staged = MSBuildTask(app, msbuild, task =>
        {
            task.Buildpacks = [buildpack];
            task.Platform = "cf";
            task.PreStagingHooks = [new Microsoft.Build.Utilities.TaskItem("echo pre; echo more >> printed")];
            task.PostStagingHookList = ["echo post >> printed"];
        }).Execute();
        var cake = new FakeCakeContext(_temp.Path).BuildpackStage(app, new BuildpackStageSettings()
            .WithBuildpack(buildpack)
            .SetDropletPath("cake.droplet.tgz")
            .SetPlatform(StagingPlatform.CloudFoundry)
            .WithPreStagingHook("echo pre; echo more >> printed")
            .WithPostStagingHook("echo post >> printed"));
        var (explainExit, explained) = await Cli("stage", "--platform", "cf", "--explain");

        Assert.True(exit == 0, output);
        Assert.True(staged);
        Assert.Equal("more\nargs=2 CF_STACK=cflinuxfs4 STACK=unset\npost\n", DropletContents.TextOf(cli, "./app/printed"));
        Assert.Equal(DropletInspector.Sha256Of(cli), DropletInspector.Sha256Of(msbuild));
        Assert.Equal(DropletInspector.Sha256Of(cli), cake.Sha256);
        Assert.Equal(0, explainExit);
        Assert.Contains("compile arguments: BUILD CACHE\n", explained, StringComparison.Ordinal);
        Assert.Contains("default stack: cflinuxfs4\n", explained, StringComparison.Ordinal);
        Assert.Contains("staging variables: CF_STACK, LANG, MEMORY_LIMIT, VCAP_APPLICATION, VCAP_SERVICES\n", explained, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> Cli(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await CliApp.RunAsync(args, new CliEnvironment(output, output, _ => null));
        return (exit, output.ToString());
    }

    private StageBuildpack MSBuildTask(string app, string droplet, Action<StageBuildpack> configure)
    {
        var task = new StageBuildpack
        {
            BuildEngine = new QuietEngine(),
            ProjectFile = _temp.Write("project/App.csproj", "<Project />"),
            AppDirectory = app,
            DropletPath = droplet,
            DropletInfoFile = _temp.Combine("project", "obj", "droplet.json"),
        };
        configure(task);
        return task;
    }

    private void Serve(string root, string name, string compile)
    {
        var work = _temp.CreateBuildpack("work-" + name, ("compile", compile));
        GitRepo.Run(work, "init", "--quiet", "--initial-branch=main");
        GitRepo.Run(work, "add", "-A");
        GitRepo.Run(work, "commit", "--quiet", "-m", "buildpack");
        GitRepo.Run(_temp.Path, "clone", "--quiet", "--bare", work, Path.Combine(root, name));
    }

    /// <summary>Just enough of MSBuild to run one task: events go nowhere.</summary>
    private sealed class QuietEngine : IBuildEngine
    {
        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "";

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public void LogErrorEvent(BuildErrorEventArgs e) => throw new InvalidOperationException(e.Code + ": " + e.Message);

        public void LogMessageEvent(BuildMessageEventArgs e)
        {
        }

        public void LogWarningEvent(BuildWarningEventArgs e)
        {
        }
    }
}
