using Buildpacks.Core.Droplets;
using Buildpacks.Core.Launching;
using Buildpacks.Core.Staging;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Launching;

/// <summary><c>buildpacks inspect</c> lists the scripts a launch runs, in the order the launcher runs them.</summary>
public sealed class LaunchScriptInspectionTests : IDisposable
{
    private const string Program = "#!/usr/bin/env bash\ntrue\n";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Inspect_lists_exec_d_programs_then_profile_scripts_in_launch_order()
    {
        var droplet = DropletBuilder.CloudFoundry(_temp)
            .Process("web", "true")
            .Executable("deps/1/exec.d/late", Program)
            .Executable("deps/0/exec.d/web/for-web", Program)
            .Executable("deps/0/exec.d/b", Program)
            .Executable("deps/0/exec.d/.hidden", Program)
            .Executable("deps/0/helpers/tool", Program)
            .Link("deps/0/exec.d/a-link", "../helpers/tool")
            .Executable("deps/0/exec.d/worker/for-worker", Program)
            .Executable("layers/z_first/layer/exec.d/layer-program", Program)
            .Executable("layers/a_second/layer/exec.d/web/layer-web", Program)
            .File("layers/config/metadata.toml", "[[buildpacks]]\nid = \"z/first\"\n\n[[buildpacks]]\nid = \"a/second\"\n")
            .File("app/.profile", "")
            .File("app/.profile.d/app.sh", "")
            .File("profile.d/root.sh", "")
            .File("profile.d/.hidden.sh", "")
            .Directory("profile.d/a-directory")
            .File("app/not-a-script.sh", "")
            .Pack();

        var info = DropletInspector.Inspect(droplet);

        Assert.Equal(
            [
                (LaunchScriptKind.ExecD, "deps/0/exec.d/.hidden", null),
                (LaunchScriptKind.ExecD, "deps/0/exec.d/a-link", null),
                (LaunchScriptKind.ExecD, "deps/0/exec.d/b", null),
                (LaunchScriptKind.ExecD, "deps/0/exec.d/web/for-web", "web"),
                (LaunchScriptKind.ExecD, "deps/0/exec.d/worker/for-worker", "worker"),
                (LaunchScriptKind.ExecD, "deps/1/exec.d/late", null),
                (LaunchScriptKind.ExecD, "layers/z_first/layer/exec.d/layer-program", null),
                (LaunchScriptKind.ExecD, "layers/a_second/layer/exec.d/web/layer-web", "web"),
                (LaunchScriptKind.Profile, "profile.d/root.sh", null),
                (LaunchScriptKind.Profile, "app/.profile.d/app.sh", null),
                (LaunchScriptKind.Profile, "app/.profile", (string?)null),
            ],
            info.LaunchScripts.Select(s => (s.Kind, s.Path, s.ProcessType)));

        // The launcher finds the same scripts in the extracted tree.
        var extracted = DropletExtractor.Extract(droplet, _temp.Combine("run"));
        var onDisk = LaunchScriptFinder.Find(LaunchScriptFinder.ListCandidates(extracted.Directory), DropletLayout.CloudFoundry, ["z_first", "a_second"]);
        Assert.Equal(info.LaunchScripts, onDisk);
    }

    [Fact]
    public void A_slug_lists_only_profile_d_sh_and_profile()
    {
        var droplet = DropletBuilder.Slug(_temp)
            .Process("web", "true")
            .File(".profile.d/a.sh", "")
            .File(".profile.d/readme.txt", "")
            .File(".profile.d/.hidden.sh", "")
            .File(".profile", "")
            .Pack();

        var info = DropletInspector.Inspect(droplet);

        Assert.Equal([".profile.d/a.sh", ".profile"], info.LaunchScripts.Select(s => s.Path));
        Assert.All(info.LaunchScripts, s => Assert.Equal(LaunchScriptKind.Profile, s.Kind));
    }

    [Fact]
    public async Task A_staged_droplet_carries_exec_d_programs_and_release_config_vars_to_the_launch()
    {
        var app = _temp.CreateApp(
            "app",
            ("release.yml", "config_vars:\n  FROM_RELEASE: release-value\ndefault_process_types:\n  web: echo \"FROM_RELEASE=$FROM_RELEASE\"; echo \"EXAMPLE=$EXAMPLE\"\n"));
        var staged = await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, "supply-execd", "recorder"));

        var info = DropletInspector.Inspect(staged.DropletPath);
        var (exitCode, log) = await LaunchRunner.RunToExitAsync(LaunchRunner.Request(_temp, staged.DropletPath));

        Assert.Contains(info.LaunchScripts, s => s.Path == "deps/0/exec.d/example" && s.ProcessType is null);
        Assert.Contains(info.LaunchScripts, s => s.Path == "deps/0/exec.d/web/only-web" && s.ProcessType == "web");
        Assert.Equal(0, exitCode);
        Assert.Equal("release-value", log.Printed("FROM_RELEASE"));
        Assert.Equal("test", log.Printed("EXAMPLE"));
    }
}
