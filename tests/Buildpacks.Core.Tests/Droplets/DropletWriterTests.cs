using System.Formats.Tar;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Droplets;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Droplets;

public sealed class DropletWriterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Long_paths_empty_directories_and_unicode_names_round_trip()
    {
        var longName = string.Join('/', Enumerable.Repeat("a-rather-long-directory-name", 8)) + "/file-with-ünïcödé-名前.txt";
        var root = _temp.CreateApp("root", (longName, "deep"));
        Directory.CreateDirectory(Path.Combine(root, "empty"));

        var packed = DropletWriter.Write(root, _temp.Combine("out.tgz"), DropletWriter.DefaultTimestamp);

        var entries = DropletContents.ByName(packed.Path);
        Assert.Equal("deep", entries["./" + longName].Text);
        Assert.Equal(TarEntryType.Directory, entries["./empty/"].Type);
        Assert.Equal(entries.Count, packed.EntryCount);
        Assert.True(longName.Length > 200);
    }

    [Fact]
    public void Entries_are_sorted_by_ordinal_name_whatever_the_file_system_order()
    {
        var root = _temp.CreateApp("root", ("b", "1"), ("B", "2"), ("a.txt", "3"), ("a", "4"), ("_", "5"));

        var packed = DropletWriter.Write(root, _temp.Combine("out.tgz"), DropletWriter.DefaultTimestamp);

        Assert.Equal(["./", "./B", "./_", "./a", "./a.txt", "./b"], DropletContents.Read(packed.Path).Select(e => e.Name));
    }

    [Fact]
    public void Exclusions_drop_whole_subtrees()
    {
        var root = _temp.CreateApp("root", ("keep/a", "1"), ("skip/b", "2"), ("skip/deeper/c", "3"));

        var packed = DropletWriter.Write(root, _temp.Combine("out.tgz"), DropletWriter.DefaultTimestamp, relative => relative == "skip");

        Assert.Equal(["./", "./keep/", "./keep/a"], DropletContents.Read(packed.Path).Select(e => e.Name));
    }

    [Fact]
    public void A_cancelled_write_leaves_the_earlier_droplet_and_no_temporary_file()
    {
        var root = _temp.CreateApp("root", ("a", "1"));
        var output = _temp.Combine("out", "app.tgz");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, "earlier");

        Assert.ThrowsAny<OperationCanceledException>(() => DropletWriter.Write(root, output, DropletWriter.DefaultTimestamp, null, new CancellationToken(canceled: true)));

        Assert.Equal("earlier", File.ReadAllText(output));
        Assert.Equal([output], Directory.GetFiles(Path.GetDirectoryName(output)!));
    }

    [Fact]
    public void An_unwritable_destination_is_a_coded_error()
    {
        var root = _temp.CreateApp("root", ("a", "1"));
        var blocker = _temp.Combine("file-not-dir");
        File.WriteAllText(blocker, "x");

        var error = Assert.Throws<BuildpackException>(() => DropletWriter.Write(root, Path.Combine(blocker, "app.tgz"), DropletWriter.DefaultTimestamp));

        Assert.Equal(ErrorCodes.DropletWriteFailed, error.Code);
    }

    [Fact]
    public void Packing_stops_between_entries_when_cancelled_and_leaves_no_temporary_file()
    {
        var root = _temp.CreateApp("root", [.. Enumerable.Range(0, 20).Select(i => ($"file{i:D2}", "content"))]);
        var output = _temp.Combine("out", "app.droplet.tgz");
        using var cancellation = new CancellationTokenSource();
        var seen = 0;

        // The exclude callback runs once per entry as packing walks the tree: cancel a few entries in.
        Assert.ThrowsAny<OperationCanceledException>(() => DropletWriter.Write(root, output, DropletWriter.DefaultTimestamp, _ =>
        {
            if (++seen == 3)
            {
                cancellation.Cancel();
            }

            return false;
        }, cancellation.Token));

        Assert.Equal(3, seen);
        Assert.Empty(Directory.GetFileSystemEntries(Path.GetDirectoryName(output)!));
    }
}
