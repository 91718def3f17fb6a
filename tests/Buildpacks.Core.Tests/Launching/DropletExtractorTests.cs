using System.Formats.Tar;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Launching;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Launching;

public sealed class DropletExtractorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string RunRoot => _temp.Combine("run");

    public static TheoryData<string, TarEntry[]> UnsafeDroplets() => new()
    {
        { "a name with '..'", [Tarball.Directory("./"), Tarball.File("./../evil")] },
        { "'..' in the middle", [Tarball.Directory("./app/"), Tarball.File("./app/../../evil")] },
        { "an absolute name", [Tarball.File("/tmp/bpk-evil-absolute")] },
        { "an absolute link target", [Tarball.Directory("./app/"), Tarball.Symlink("./app/etc", "/etc")] },
        { "a relative link leaving the tree", [Tarball.Directory("./app/"), Tarball.Symlink("./app/up", "../../outside")] },
        { "a link leaving through another link", [Tarball.Directory("./app/"), Tarball.Symlink("./app/self", "."), Tarball.Symlink("./app/up", "self/../..")] },
        { "a link loop", [Tarball.Symlink("./a", "b"), Tarball.Symlink("./b", "a")] },
        { "a file written through a link", [Tarball.Directory("./app/"), Tarball.Directory("./app/sub/"), Tarball.Symlink("./app/link", "sub"), Tarball.File("./app/link/file")] },
        { "a link replacing a directory", [Tarball.Directory("./app/"), Tarball.File("./app/etc/file"), Tarball.Symlink("./app/etc", "../deps")] },
        { "a hard link out of the tree", [Tarball.HardLink("./passwd", "../../etc/passwd")] },
        { "a hard link to nothing extracted", [Tarball.HardLink("./copy", "missing")] },
        { "a device", [Tarball.CharacterDevice("./null")] },
    };

    [Theory]
    [MemberData(nameof(UnsafeDroplets))]
    public void Refuses_unsafe_entries_and_leaves_nothing_behind(string kind, TarEntry[] entries)
    {
        var droplet = Tarball.Write(_temp.Combine("bad.tgz"), entries);

        var error = Assert.Throws<BuildpackException>(() => DropletExtractor.Extract(droplet, RunRoot));

        Assert.True(error.Code == ErrorCodes.UnsafeDropletEntry, kind + ": " + error);
        Assert.Equal(droplet, error.File);
        Assert.Contains("unsafe entry", error.Message, StringComparison.Ordinal);
        Assert.True(!Directory.Exists(RunRoot) || Directory.GetFileSystemEntries(RunRoot).Length == 0, "left in the run root");
        Assert.False(File.Exists("/tmp/bpk-evil-absolute"));
        Assert.False(File.Exists(Path.Combine(_temp.Path, "evil")));
    }

    [Fact]
    public void Names_the_offending_entry()
    {
        var droplet = Tarball.Write(_temp.Combine("bad.tgz"), Tarball.Directory("./app/"), Tarball.File("./app/ok"), Tarball.Symlink("./app/escape", "../../../x"));

        var error = Assert.Throws<BuildpackException>(() => DropletExtractor.Extract(droplet, RunRoot));

        Assert.Contains("'./app/escape'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'../../../x'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extracts_files_modes_and_links_that_stay_inside()
    {
        var droplet = Tarball.Write(
            _temp.Combine("good.tgz"),
            Tarball.Directory("./"),
            Tarball.Directory("./app/"),
            Tarball.File("./app/run.sh", "#!/bin/sh\n", (UnixFileMode)0b111_101_101),
            Tarball.File("./app/data.txt", "data"),
            Tarball.File("./app/setuid", "x", UnixFileMode.SetUser | (UnixFileMode)0b111_101_101),
            Tarball.HardLink("./app/data-copy.txt", "./app/data.txt"),
            Tarball.Symlink("./app/current", "data.txt"),
            Tarball.Symlink("./deps-link", "app/../app"),
            Tarball.File("./implicit/parent/file.txt", "made"));

        var extracted = DropletExtractor.Extract(droplet, RunRoot);

        Assert.False(extracted.Reused);
        Assert.Equal(Path.Combine(RunRoot, extracted.Sha256), extracted.Directory);
        Assert.Equal(DropletInspectorSha(droplet), extracted.Sha256);
        var app = Path.Combine(extracted.Directory, "app");
        Assert.Equal((UnixFileMode)0b111_101_101, File.GetUnixFileMode(Path.Combine(app, "run.sh")));
        Assert.Equal((UnixFileMode)0b111_101_101, File.GetUnixFileMode(Path.Combine(app, "setuid")));
        Assert.Equal("data", File.ReadAllText(Path.Combine(app, "data-copy.txt")));
        Assert.Equal("data.txt", new FileInfo(Path.Combine(app, "current")).LinkTarget);
        Assert.Equal("data", File.ReadAllText(Path.Combine(app, "current")));
        Assert.Equal("made", File.ReadAllText(Path.Combine(extracted.Directory, "implicit", "parent", "file.txt")));
        Assert.Equal([extracted.Sha256], Directory.GetFileSystemEntries(RunRoot).Select(Path.GetFileName));
    }

    [Fact]
    public void Reuses_a_complete_extraction_of_the_same_droplet()
    {
        var droplet = Tarball.Write(_temp.Combine("good.tgz"), Tarball.Directory("./app/"), Tarball.File("./app/a.txt", "a"));
        var first = DropletExtractor.Extract(droplet, RunRoot);
        File.WriteAllText(Path.Combine(first.Directory, "app", "written-by-the-app"), "kept");

        var second = DropletExtractor.Extract(droplet, RunRoot);

        Assert.True(second.Reused);
        Assert.Equal(first.Directory, second.Directory);
        Assert.True(File.Exists(Path.Combine(second.Directory, "app", "written-by-the-app")));
    }

    [Fact]
    public void A_different_droplet_gets_its_own_directory()
    {
        var one = DropletExtractor.Extract(Tarball.Write(_temp.Combine("one.tgz"), Tarball.File("./a.txt", "1")), RunRoot);
        var two = DropletExtractor.Extract(Tarball.Write(_temp.Combine("two.tgz"), Tarball.File("./a.txt", "2")), RunRoot);

        Assert.NotEqual(one.Directory, two.Directory);
        Assert.False(two.Reused);
        Assert.Equal("2", File.ReadAllText(Path.Combine(two.Directory, "a.txt")));
    }

    [Fact]
    public void A_failed_extraction_is_not_reused_later()
    {
        var droplet = Tarball.Write(_temp.Combine("bad.tgz"), Tarball.File("./first.txt"), Tarball.File("./../evil"));
        Assert.Throws<BuildpackException>(() => DropletExtractor.Extract(droplet, RunRoot));

        var again = Assert.Throws<BuildpackException>(() => DropletExtractor.Extract(droplet, RunRoot));

        Assert.Equal(ErrorCodes.UnsafeDropletEntry, again.Code);
        Assert.True(!Directory.Exists(RunRoot) || Directory.GetFileSystemEntries(RunRoot).Length == 0, "left in the run root");
    }

    [Fact]
    public void A_file_that_is_not_a_droplet_is_a_coded_error()
    {
        var notGzip = _temp.Combine("not.tgz");
        File.WriteAllText(notGzip, "plain text, not gzip");

        var error = Assert.Throws<BuildpackException>(() => DropletExtractor.Extract(notGzip, RunRoot));
        var missing = Assert.Throws<BuildpackException>(() => DropletExtractor.Extract(_temp.Combine("missing.tgz"), RunRoot));

        Assert.Equal(ErrorCodes.InvalidDroplet, error.Code);
        Assert.Equal(ErrorCodes.InvalidDroplet, missing.Code);
        Assert.True(!Directory.Exists(RunRoot) || Directory.GetFileSystemEntries(RunRoot).Length == 0, "left in the run root");
    }

    private static string DropletInspectorSha(string path) => Buildpacks.Core.Droplets.DropletInspector.Sha256Of(path);
}
