using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Requests;
using Buildpacks.Core.Staging;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Declared;

/// <summary>Per platform, a buildpack that prints its arguments and environment, against the platform's contract.</summary>
public sealed class PlatformProfileTests : IDisposable
{
    private const string Printer =
        "{ echo \"args=$#\"; for v in STACK CF_STACK LANG MEMORY_LIMIT VCAP_SERVICES STACKATO_APP_NAME STAGING_TIMEOUT USER_SETTING; do echo \"$v=${!v-unset}\"; done;" +
        " for v in VCAP_APPLICATION REQUEST_ID BUILDPACK_CACHE; do if [ -n \"${!v+x}\" ]; then echo \"$v=set\"; else echo \"$v=unset\"; fi; done; } > \"$1/printed\"";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("", "args=3 STACK=heroku-24 CF_STACK=heroku-24 LANG=en_US.UTF-8 MEMORY_LIMIT=1024m VCAP_SERVICES={} STACKATO_APP_NAME=unset STAGING_TIMEOUT=unset USER_SETTING=on VCAP_APPLICATION=set REQUEST_ID=set BUILDPACK_CACHE=unset", DropletLayout.CloudFoundry, "from-procfile from-buildpack")]
    [InlineData("heroku", "args=3 STACK=heroku-24 CF_STACK=unset LANG=unset MEMORY_LIMIT=unset VCAP_SERVICES=unset STACKATO_APP_NAME=unset STAGING_TIMEOUT=unset USER_SETTING=unset VCAP_APPLICATION=unset REQUEST_ID=set BUILDPACK_CACHE=unset", DropletLayout.Heroku, "from-procfile from-buildpack")]
    [InlineData("cf", "args=2 STACK=unset CF_STACK=cflinuxfs4 LANG=en_US.UTF-8 MEMORY_LIMIT=1024m VCAP_SERVICES={} STACKATO_APP_NAME=unset STAGING_TIMEOUT=unset USER_SETTING=on VCAP_APPLICATION=set REQUEST_ID=unset BUILDPACK_CACHE=unset", DropletLayout.CloudFoundry, "from-procfile from-buildpack")]
    [InlineData("scalingo", "args=3 STACK=scalingo-22 CF_STACK=unset LANG=unset MEMORY_LIMIT=unset VCAP_SERVICES=unset STACKATO_APP_NAME=unset STAGING_TIMEOUT=unset USER_SETTING=on VCAP_APPLICATION=unset REQUEST_ID=set BUILDPACK_CACHE=unset", DropletLayout.Heroku, "from-procfile from-buildpack")]
    [InlineData("dokku", "args=3 STACK=heroku-24 CF_STACK=unset LANG=unset MEMORY_LIMIT=unset VCAP_SERVICES=unset STACKATO_APP_NAME=unset STAGING_TIMEOUT=unset USER_SETTING=on VCAP_APPLICATION=unset REQUEST_ID=unset BUILDPACK_CACHE=unset", DropletLayout.Heroku, "from-procfile -")]
    [InlineData("stackato", "args=3 STACK=unset CF_STACK=unset LANG=en_US.UTF-8 MEMORY_LIMIT=1024m VCAP_SERVICES={} STACKATO_APP_NAME=app STAGING_TIMEOUT=900 USER_SETTING=on VCAP_APPLICATION=set REQUEST_ID=unset BUILDPACK_CACHE=set", DropletLayout.CloudFoundry, "from-procfile from-buildpack")]
    public async Task Each_platform_gives_the_buildpack_its_own_arguments_variables_layout_and_Procfile_rule(string platform, string printed, DropletLayout layout, string processes)
    {
        var app = _temp.CreateApp("app", ("Procfile", "web: from-procfile\n"));
        var buildpack = _temp.CreateBuildpack("bp", ("compile", Printer), ("release", "echo '--- {default_process_types: {web: from-buildpack, worker: from-buildpack}}'"));
        var inputs = new StagingInputs { AppDirectory = app, OutputPath = _temp.Combine("out", "app.droplet.tgz"), Platform = platform };
        inputs.Buildpacks.Add(buildpack);
        inputs.AddVariable("USER_SETTING", "on");

        var result = await StagingFixture.StageAsync(new StagingRequestBuilder(_temp.Path).Build(inputs));

        var inDroplet = layout == DropletLayout.Heroku ? "./printed" : "./app/printed";
        Assert.Equal(printed, DropletContents.TextOf(result.DropletPath, inDroplet).TrimEnd('\n').Replace('\n', ' '));
        Assert.Equal(layout, result.Layout);
        Assert.Equal(processes, result.ProcessTypes["web"] + " " + result.ProcessTypes.GetValueOrDefault("worker", "-"));
    }

    [Fact]
    public async Task Under_cf_a_legacy_compile_after_a_supply_buildpack_gets_exactly_BUILD_and_CACHE_and_CFs_words_for_no_start_command()
    {
        var app = _temp.CreateApp("app", ("index.txt", "x"));
        var legacy = _temp.CreateBuildpack("legacy", ("compile", "printf '%s\\n' \"$#\" \"$@\" > \"$1/compile-args\""));
        var inputs = new StagingInputs { AppDirectory = app, OutputPath = _temp.Combine("out", "app.droplet.tgz"), Platform = "cf" };
        inputs.Buildpacks.Add(Repository.FixtureBuildpack("supply-a"));
        inputs.Buildpacks.Add(legacy);
        var log = new RecordingLog();

        var result = await StagingFixture.StageAsync(new StagingRequestBuilder(_temp.Path).Build(inputs), log);
        var alone = new RecordingLog();
        await StagingFixture.StageAsync(new StagingRequestBuilder(_temp.Path).Build(new StagingInputs { AppDirectory = app, OutputPath = _temp.Combine("alone.droplet.tgz"), Platform = "cf", Buildpacks = { legacy } }), alone);

        var args = DropletContents.TextOf(result.DropletPath, "./app/compile-args").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("2", args[0]);
        Assert.EndsWith("/droplet/app", args[1], StringComparison.Ordinal);
        Assert.Equal("final", Path.GetFileName(args[2]));
        Assert.Contains(log.Warnings, w => w.Code == ErrorCodes.FinalWithoutFinalize);
        Assert.Contains(alone.Warnings, w => w.Code == ErrorCodes.NoWebProcess && w.Message.StartsWith("No start command specified by buildpack or via Procfile.", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_platform_is_a_coded_error_listing_the_known_ones()
    {
        var inputs = new StagingInputs { AppDirectory = _temp.CreateApp("app", ("index.txt", "x")), Platform = "openshift" };
        inputs.Buildpacks.Add("/bp");

        var error = Assert.Throws<BuildpackException>(() => new StagingRequestBuilder(_temp.Path).Build(inputs));

        Assert.Equal(ErrorCodes.InvalidPlatform, error.Code);
        Assert.Contains("default, heroku, cf, scalingo, dokku, stackato", error.Message, StringComparison.Ordinal);
    }
}
