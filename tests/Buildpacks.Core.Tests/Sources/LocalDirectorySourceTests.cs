using System.Text.Json.Nodes;
using Buildpacks.Core.Sources;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Sources;

public sealed class LocalDirectorySourceTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_identity_is_the_content_not_the_place()
    {
        var source = new LocalDirectorySource();
        var first = _temp.CopyBuildpack("recorder");
        var second = Path.Combine(_temp.Combine("elsewhere"), "recorder");
        Directory.CreateDirectory(_temp.Combine("elsewhere"));
        Directory.Move(first, second);
        var moved = source.IdentifyWithoutFetching(BuildpackReference.Parse(second), SourceContext.Plain());
        var again = _temp.CopyBuildpack("recorder");

        Assert.NotNull(moved);
        Assert.Equal("directory", moved.Kind);
        Assert.Matches("^sha256:[0-9a-f]{64}$", moved.Value);
        Assert.Equal(moved, source.IdentifyWithoutFetching(BuildpackReference.Parse(again), SourceContext.Plain()));

        File.AppendAllText(Path.Combine(again, "bin", "compile"), "\n# changed\n");
        Assert.NotEqual(moved, source.IdentifyWithoutFetching(BuildpackReference.Parse(again), SourceContext.Plain()));
    }

    [Fact]
    public async Task The_identity_of_what_ran_is_in_the_result_and_in_result_json()
    {
        var app = _temp.CreateApp("app", ("index.html", "hi"));
        var buildpack = _temp.CopyBuildpack("recorder");
        var expected = new LocalDirectorySource().IdentifyWithoutFetching(BuildpackReference.Parse(buildpack), SourceContext.Plain())!;
        var request = StagingFixture.Request(_temp, app, buildpack) with { ResultPath = _temp.Combine("result.json") };

        var result = await StagingFixture.StageAsync(request);

        Assert.Equal(expected, result.Buildpacks.Single().Identity);
        var json = JsonNode.Parse(File.ReadAllText(request.ResultPath))!;
        Assert.Equal(expected.ToString(), (string?)json["lifecycle_metadata"]!["buildpacks"]![0]!["identity"]);
    }

    [Fact]
    public void A_changed_buildpack_changes_the_fingerprint_even_at_the_same_path()
    {
        var app = _temp.CreateApp("app", ("index.html", "hi"));
        var buildpack = _temp.CopyBuildpack("recorder");
        var request = StagingFixture.Request(_temp, app, buildpack);
        var before = BuildpackEngine.Default.ComputeFingerprint(request);

        File.AppendAllText(Path.Combine(buildpack, "bin", "release"), "\n# changed\n");

        Assert.NotEqual(before, BuildpackEngine.Default.ComputeFingerprint(request));
    }
}
