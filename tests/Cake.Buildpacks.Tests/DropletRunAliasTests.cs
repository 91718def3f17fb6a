using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Tests.Support;
using Cake.Buildpacks.Tests.Support;
using Cake.Core;

namespace Cake.Buildpacks.Tests;

public sealed class DropletRunAliasTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeCakeContext _context;

    public DropletRunAliasTests() => _context = new FakeCakeContext(_temp.Path);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Extraction_limits_reach_the_launch_and_a_bomb_is_a_CakeException_with_the_code()
    {
        Tarball.Write(
            _temp.Combine("bomb.droplet.tgz"),
            Tarball.Directory("./app/"),
            Tarball.Zeros("./app/zeros", 4 << 20));

        var error = Assert.Throws<CakeException>(() => _context.DropletRun(
            "bomb.droplet.tgz",
            new DropletRunSettings().SetRunDirectory("run").SetExtractionLimits(maxBytes: 1 << 20, maxEntries: 100)));

        Assert.StartsWith(ErrorCodes.DropletTooLarge + ": ", error.Message, StringComparison.Ordinal);
        Assert.True(!Directory.Exists(_temp.Combine("run")) || Directory.GetFileSystemEntries(_temp.Combine("run")).Length == 0);
    }
}
