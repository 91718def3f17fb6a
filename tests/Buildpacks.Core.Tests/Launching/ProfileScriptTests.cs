using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Launching;

/// <summary>Profile scripts sourced by the real launcher before the command starts.</summary>
public sealed class ProfileScriptTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private const string PrintAll = "echo \"ORDER=$ORDER\"; echo \"WHO=$WHO\"; echo \"SEEN_BY_PROFILE=$SEEN_BY_PROFILE\"; echo \"FROM_EXECD=$FROM_EXECD\"; echo \"PROFILE_ARGC=$PROFILE_ARGC\"";

    [Fact]
    public async Task Cloud_Foundry_sources_profile_d_then_app_profile_d_then_profile_and_later_ones_win()
    {
        var droplet = DropletBuilder.CloudFoundry(_temp)
            .Process("web", PrintAll)
            .File("profile.d/b-no-suffix", "export ORDER=\"${ORDER:-}:root-b\"\n")
            .File("profile.d/a.sh", "export ORDER=\"${ORDER:-}:root-a\"; export WHO=root; export PROFILE_ARGC=$#\n")
            .File("app/.profile.d/z.sh", "export ORDER=\"${ORDER:-}:app-z\"; export WHO=app\n")
            .File("app/.profile", "export ORDER=\"${ORDER:-}:dot-profile\"; export SEEN_BY_PROFILE=\"$WHO\"; export FROM_EXECD=\"profile saw $FROM_EXECD\"\n")
            .Executable("deps/0/exec.d/set", "#!/usr/bin/env bash\necho 'FROM_EXECD = \"execd\"' >&3\n")
            .Pack();

        var (exitCode, log) = await LaunchRunner.RunToExitAsync(LaunchRunner.Request(_temp, droplet));

        Assert.Equal(0, exitCode);
        Assert.Equal(":root-a:root-b:app-z:dot-profile", log.Printed("ORDER"));
        Assert.Equal("app", log.Printed("WHO"));
        Assert.Equal("app", log.Printed("SEEN_BY_PROFILE"));
        Assert.Equal("profile saw execd", log.Printed("FROM_EXECD"));
        Assert.Equal("0", log.Printed("PROFILE_ARGC"));
    }

    [Fact]
    public async Task Profile_scripts_win_over_the_callers_variables_and_the_release_defaults()
    {
        var droplet = DropletBuilder.CloudFoundry(_temp)
            .Process("web", "echo \"A=$A\"; echo \"B=$B\"; echo \"C=$C\"")
            .ConfigVar("A", "release").ConfigVar("B", "release").ConfigVar("C", "release")
            .File("app/.profile.d/set.sh", "export C=profile\n")
            .Pack();
        var request = LaunchRunner.Request(_temp, droplet) with { Environment = new Dictionary<string, string> { ["B"] = "caller", ["C"] = "caller" } };

        var (_, log) = await LaunchRunner.RunToExitAsync(request);

        Assert.Equal("release", log.Printed("A"));
        Assert.Equal("caller", log.Printed("B"));
        Assert.Equal("profile", log.Printed("C"));
    }

    [Fact]
    public async Task A_slug_sources_only_profile_d_sh_files_then_profile()
    {
        var droplet = DropletBuilder.Slug(_temp)
            .Process("web", "echo \"ORDER=$ORDER\"; echo \"HOME=$HOME\"; echo \"DYNO=$DYNO\"")
            .File(".profile.d/b.sh", "export ORDER=\"${ORDER:-}:b\"\n")
            .File(".profile.d/a.sh", "export ORDER=\"${ORDER:-}:a\"\n")
            .File(".profile.d/notes.txt", "export ORDER=\"${ORDER:-}:notes\"\n")
            .File(".profile", "export ORDER=\"${ORDER:-}:profile\"\n")
            .Pack();

        var (_, log) = await LaunchRunner.RunToExitAsync(LaunchRunner.Request(_temp, droplet));

        Assert.Equal(":a:b:profile", log.Printed("ORDER"));
        Assert.Equal(Directory.GetDirectories(_temp.Combine("run")).Single(), log.Printed("HOME"));
        Assert.Equal("web.1", log.Printed("DYNO"));
    }

    [Fact]
    public async Task No_profile_scripts_means_no_noise_on_stderr()
    {
        var cloudFoundry = DropletBuilder.CloudFoundry(_temp).Process("web", "echo started").Pack();
        var slug = DropletBuilder.Slug(_temp).Process("web", "echo started").Pack();

        var (cfExit, cfLog) = await LaunchRunner.RunToExitAsync(LaunchRunner.Request(_temp, cloudFoundry));
        var (slugExit, slugLog) = await LaunchRunner.RunToExitAsync(LaunchRunner.Request(_temp, slug));

        Assert.Equal((0, 0), (cfExit, slugExit));
        Assert.Equal(["started"], cfLog.Output);
        Assert.Equal(["started"], slugLog.Output);
        Assert.Empty(cfLog.Errors);
        Assert.Empty(slugLog.Errors);
    }
}
