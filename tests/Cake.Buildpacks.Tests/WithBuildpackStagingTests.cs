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
            .SetProcfileMode(ProcfileMode.ReplaceDefaults)
            .SetApplicationName("hello")
            .SetResultPath("/work/out/result.json")
            .SetTimestamp(DateTimeOffset.FromUnixTimeSeconds(1700000000))
            .WithEnvironmentFile("/work/a.env")
            .WithEnvironmentFile("/work/b.env")
            .WithEnvironmentVariable("GREETING", "hello")
            .WithEnvironmentVariable("SEMI", "a;b")
            .WithEnvironmentVariable("SHARE", "100%")
            .WithProcessType("web", "run-web")
            .WithProcessType("clock", "tick;tock"));

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
                "/property:BuildpackProcfileMode=replace",
                "/property:BuildpackApplicationName=hello",
                "/property:BuildpackResultPath=/work/out/result.json",
                "/property:BuildpackTimestamp=2023-11-14T22:13:20.0000000+00:00",
                "/property:BuildpackEnvironmentFile=/work/a.env%3B/work/b.env",
                // Cake escapes the list's ';'; the value's own ';' and '%' are escaped once more, for MSBuild's
                // unescaping and then the package's.
                "/property:BuildpackEnvironment=GREETING=hello%3BSEMI=a%253Bb%3BSHARE=100%2525",
                "/property:BuildpackProcessTypes=web=run-web%3Bclock=tick%253Btock"),
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
            .WithBuildpackStaging(new BuildpackStagingSettings().WithBuildpack("/bp/old").SetStack("old-stack")
                .SetApplicationName("old").SetResultPath("/old.json").SetTimestamp(DateTimeOffset.UnixEpoch)
                .WithEnvironmentVariable("OLD", "1").WithEnvironmentFile("/old.env").WithProcessType("old", "run"))
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

    [Fact]
    public void A_percent_sign_in_a_path_reaches_MSBuild_as_itself()
    {
        var settings = new DotNetPublishSettings().WithBuildpackStaging(new BuildpackStagingSettings().SetDropletPath("/work/100%/app.droplet.tgz"));

        Assert.Contains("/property:BuildpackDropletPath=/work/100%25/app.droplet.tgz", Arguments(settings));
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
