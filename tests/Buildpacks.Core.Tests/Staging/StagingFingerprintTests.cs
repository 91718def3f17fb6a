using Buildpacks.Core.Staging;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Staging;

public sealed class StagingFingerprintTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_same_inputs_give_the_same_fingerprint()
    {
        var request = Request(_temp.CreateApp("app", ("a.txt", "a"), ("sub/b.txt", "b")));

        Assert.Equal(StagingFingerprint.Compute(request), StagingFingerprint.Compute(request with { }));
        Assert.Matches("^sha256:[0-9a-f]{64}$", StagingFingerprint.Compute(request));
    }

    [Fact]
    public void A_symlink_counts_by_its_target_not_by_what_it_points_to()
    {
        var app = _temp.CreateApp("app", ("a.txt", "a"), ("b.txt", "b"));
        File.CreateSymbolicLink(Path.Combine(app, "current"), "a.txt");
        var before = StagingFingerprint.Compute(Request(app));

        File.Delete(Path.Combine(app, "current"));
        File.CreateSymbolicLink(Path.Combine(app, "current"), "b.txt");

        Assert.NotEqual(before, StagingFingerprint.Compute(Request(app)));
    }

    [Fact]
    public void The_git_folder_is_left_out_as_staging_leaves_it_out()
    {
        var app = _temp.CreateApp("app", ("a.txt", "a"), (".git/HEAD", "ref: refs/heads/main"));
        var before = StagingFingerprint.Compute(Request(app));

        File.WriteAllText(Path.Combine(app, ".git", "HEAD"), "ref: refs/heads/other");

        Assert.Equal(before, StagingFingerprint.Compute(Request(app)));
    }

    [Fact]
    public void Hidden_files_count()
    {
        var app = _temp.CreateApp("app", ("a.txt", "a"));
        var before = StagingFingerprint.Compute(Request(app));

        File.WriteAllText(Path.Combine(app, ".profile"), "export X=1");

        Assert.NotEqual(before, StagingFingerprint.Compute(Request(app)));
    }

    [Fact]
    public void Contents_count_not_just_sizes()
    {
        var app = _temp.CreateApp("app", ("a.txt", "ab"));
        var before = StagingFingerprint.Compute(Request(app));

        File.WriteAllText(Path.Combine(app, "a.txt"), "ba");

        Assert.NotEqual(before, StagingFingerprint.Compute(Request(app)));
    }

    private StagingRequest Request(string app) => new()
    {
        AppDirectory = app,
        OutputPath = _temp.Combine("out", "app.droplet.tgz"),
        Buildpacks = [Repository.FixtureBuildpack("recorder")],
    };
}
