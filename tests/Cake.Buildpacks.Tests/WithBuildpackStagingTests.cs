using Buildpacks.Core.Staging;
using Cake.Buildpacks.Tests.Support;
using Cake.Common.Tools.DotNet.MSBuild;
using Cake.Common.Tools.DotNet.Publish;
using Cake.Core.IO;

namespace Cake.Buildpacks.Tests;

/// <summary>
/// The publish settings must come out as the MSBuild package's properties. The arguments are rendered by
/// Cake's own MSBuild argument builder, the code DotNetPublish runs.
/// </summary>
public sealed class WithBuildpackStagingTests
{
    [Fact]
    public void Every_setting_becomes_its_MSBuild_property()
    {
        var settings = new DotNetPublishSettings().WithBuildpackStaging(new BuildpackStagingSettings()
            .WithBuildpack("/bp/supply")
            .WithBuildpack("/bp/final")
            .WithCandidate("/bp/node")
            .WithCandidate("/bp/dotnet")
            .SetStack("cflinuxfs4")
            .SetCacheDirectory("/work/cache")
            .SetDropletPath("/work/out/app.droplet.tgz")
            .SetLayout(DropletLayout.Heroku)
            .SetTimeout(TimeSpan.FromSeconds(90))
            .SetProcfileMode(ProcfileMode.ReplaceDefaults));

        Assert.Equal(
            Expected(
                "/property:StageWithBuildpack=true",
                "/property:Buildpack=/bp/supply%3B/bp/final",
                "/property:BuildpackCandidates=/bp/node%3B/bp/dotnet",
                "/property:BuildpackStack=cflinuxfs4",
                "/property:BuildpackCacheDirectory=/work/cache",
                "/property:BuildpackDropletPath=/work/out/app.droplet.tgz",
                "/property:BuildpackLayout=heroku",
                "/property:BuildpackTimeout=00:01:30",
                "/property:BuildpackProcfileMode=replace"),
            Arguments(settings));
    }

    [Fact]
    public void Without_options_only_staging_is_switched_on_so_the_package_defaults_apply()
    {
        var settings = new DotNetPublishSettings().WithBuildpackStaging();

        Assert.Equal(["/property:StageWithBuildpack=true"], Arguments(settings));
    }

    [Fact]
    public void The_other_layout_and_procfile_mode_have_their_own_words()
    {
        var settings = new DotNetPublishSettings().WithBuildpackStaging(new BuildpackStagingSettings()
            .SetLayout(DropletLayout.CloudFoundry)
            .SetProcfileMode(ProcfileMode.Merge));

        Assert.Equal(
            Expected("/property:StageWithBuildpack=true", "/property:BuildpackLayout=cf", "/property:BuildpackProcfileMode=merge"),
            Arguments(settings));
    }

    [Fact]
    public void Other_MSBuild_properties_stay_and_a_second_call_replaces_the_first()
    {
        var settings = new DotNetPublishSettings { MSBuildSettings = new DotNetMSBuildSettings().WithProperty("Version", "1.2.3") };

        settings
            .WithBuildpackStaging(new BuildpackStagingSettings().WithBuildpack("/bp/old").SetStack("old-stack"))
            .WithBuildpackStaging(new BuildpackStagingSettings().WithCandidate("/bp/new"));

        Assert.Equal(
            Expected("/property:Version=1.2.3", "/property:StageWithBuildpack=true", "/property:BuildpackCandidates=/bp/new"),
            Arguments(settings));
    }

    [Fact]
    public void A_path_with_spaces_stays_one_argument()
    {
        var settings = new DotNetPublishSettings().WithBuildpackStaging(new BuildpackStagingSettings().SetDropletPath("/my work/app.droplet.tgz"));

        Assert.Contains("/property:BuildpackDropletPath=/my%20work/app.droplet.tgz", Arguments(settings));
    }

    private static string[] Expected(params string[] arguments) => [.. arguments.Order(StringComparer.Ordinal)];

    private static string[] Arguments(DotNetPublishSettings settings)
    {
        var builder = new ProcessArgumentBuilder();
        builder.AppendMSBuildSettings(settings.MSBuildSettings, new FakeCakeEnvironment("/work"));
        // MSBuild does not care about the order of properties; the dictionary behind them does not keep one.
        return [.. builder.Render().Split(' ').Order(StringComparer.Ordinal)];
    }
}
