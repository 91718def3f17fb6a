using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;
using Buildpacks.Core.Launching;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Launching;

/// <summary>
/// Archive bombs: a droplet of a few kilobytes that expands to gigabytes, or to millions of entries. The tests use a
/// small configured cap against a modest archive (4 MiB of zeros, about 4 KiB gzipped), never a real gigabyte.
/// </summary>
public sealed class ExtractionLimitTests : IDisposable
{
    private const int MiB = 1024 * 1024;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string RunRoot => _temp.Combine("run");

    [Fact]
    public void A_droplet_expanding_past_the_byte_cap_is_refused_and_nothing_is_left_behind()
    {
        var droplet = Tarball.Write(_temp.Combine("bomb.tgz"), Tarball.Directory("./app/"), Tarball.File("./app/small.txt", "x"), Tarball.Zeros("./app/zeros", 4 * MiB));
        Assert.True(new FileInfo(droplet).Length < 64 * 1024, "the archive itself is small");

        var error = Assert.Throws<BuildpackException>(() => DropletExtractor.Extract(droplet, RunRoot, new ExtractionLimits { MaxBytes = MiB }));

        Assert.Equal(ErrorCodes.DropletTooLarge, error.Code);
        Assert.Equal(droplet, error.File);
        Assert.Contains("1 MiB", error.Message, StringComparison.Ordinal);
        Assert.Contains("'./app/zeros'", error.Message, StringComparison.Ordinal);
        Assert.True(!Directory.Exists(RunRoot) || Directory.GetFileSystemEntries(RunRoot).Length == 0, "left in the run root");
    }

    [Fact]
    public void Hard_links_count_as_the_copies_they_become()
    {
        var droplet = Tarball.Write(
            _temp.Combine("links.tgz"),
            Tarball.Zeros("./big", MiB),
            Tarball.HardLink("./copy1", "./big"),
            Tarball.HardLink("./copy2", "./big"),
            Tarball.HardLink("./copy3", "./big"));

        var error = Assert.Throws<BuildpackException>(() => DropletExtractor.Extract(droplet, RunRoot, new ExtractionLimits { MaxBytes = 3 * MiB }));

        Assert.Equal(ErrorCodes.DropletTooLarge, error.Code);
        Assert.Contains("'./copy3'", error.Message, StringComparison.Ordinal);
        Assert.True(!Directory.Exists(RunRoot) || Directory.GetFileSystemEntries(RunRoot).Length == 0, "left in the run root");
    }

    [Fact]
    public void A_droplet_with_more_entries_than_the_cap_is_refused_and_nothing_is_left_behind()
    {
        var entries = Enumerable.Range(0, 50).Select(i => Tarball.File($"./app/f{i}", "")).Prepend(Tarball.Directory("./app/")).ToArray();
        var droplet = Tarball.Write(_temp.Combine("many.tgz"), entries);

        var error = Assert.Throws<BuildpackException>(() => DropletExtractor.Extract(droplet, RunRoot, new ExtractionLimits { MaxEntries = 10 }));

        Assert.Equal(ErrorCodes.DropletTooManyEntries, error.Code);
        Assert.Contains("10 entries", error.Message, StringComparison.Ordinal);
        Assert.True(!Directory.Exists(RunRoot) || Directory.GetFileSystemEntries(RunRoot).Length == 0, "left in the run root");
    }

    [Fact]
    public void A_droplet_exactly_at_the_caps_is_extracted()
    {
        var droplet = Tarball.Write(_temp.Combine("fits.tgz"), Tarball.Directory("./app/"), Tarball.Zeros("./app/zeros", MiB));

        var extracted = DropletExtractor.Extract(droplet, RunRoot, new ExtractionLimits { MaxBytes = MiB, MaxEntries = 2 });

        Assert.Equal(MiB, new FileInfo(Path.Combine(extracted.Directory, "app", "zeros")).Length);
    }

    [Fact]
    public async Task The_launcher_applies_the_request_limits_before_anything_runs()
    {
        var droplet = DropletBuilder.CloudFoundry(_temp).Process("web", "echo started").File("app/zeros", new string('\0', 2 * MiB)).Pack();
        var request = LaunchRunner.Request(_temp, droplet) with { ExtractionLimits = new ExtractionLimits { MaxBytes = MiB } };

        var error = await Assert.ThrowsAsync<BuildpackException>(() => new Launcher().StartAsync(request, new RecordingLaunchLog()));

        Assert.Equal(ErrorCodes.DropletTooLarge, error.Code);
        Assert.True(!Directory.Exists(RunRoot) || Directory.GetFileSystemEntries(RunRoot).Length == 0, "left in the run root");
    }

    [Fact]
    public void Every_launch_has_a_finite_default_cap()
    {
        var request = new LaunchRequest { DropletPath = "app.droplet.tgz" };

        Assert.Same(ExtractionLimits.Default, request.ExtractionLimits);
        Assert.Equal(8L * 1024 * MiB, ExtractionLimits.Default.MaxBytes);
        Assert.Equal(1_000_000, ExtractionLimits.Default.MaxEntries);
    }
}
