using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Staging;
using Buildpacks.Core.Tests.Support;
using Cake.Buildpacks.Tests.Support;
using Cake.Core;

namespace Cake.Buildpacks.Tests;

public sealed class DropletInspectAliasTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeCakeContext _context;

    public DropletInspectAliasTests() => _context = new FakeCakeContext(_temp.Path);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_droplet_given_relative_to_the_working_directory_is_described()
    {
        _temp.CreateApp("app", ("recorder.txt", "x"));
        var staged = _context.BuildpackStage("app", new BuildpackStageSettings()
            .WithBuildpack(Repository.FixtureBuildpack("recorder"))
            .SetDropletPath("out/app.droplet.tgz"));

        var info = _context.DropletInspect("out/app.droplet.tgz");

        Assert.Equal(staged.DropletPath, info.Path);
        Assert.Equal(staged.Sha256, info.Sha256);
        Assert.Equal(DropletLayout.CloudFoundry, info.Layout);
        Assert.Equal(staged.ProcessTypes, info.ProcessTypes);
        Assert.Contains("./app/recorder.txt", info.Entries);
    }

    [Fact]
    public void A_file_that_is_not_a_droplet_throws_a_CakeException_with_the_code()
    {
        File.WriteAllText(_temp.Combine("not-a-droplet.tgz"), "plain text");

        var error = Assert.Throws<CakeException>(() => _context.DropletInspect("not-a-droplet.tgz"));

        Assert.StartsWith(ErrorCodes.InvalidDroplet + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(_temp.Combine("not-a-droplet.tgz"), error.Message, StringComparison.Ordinal);
    }
}
