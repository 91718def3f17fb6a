using Buildpacks.Core.Staging;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Declared;

/// <summary>Request explicit buildpacks > BUILDPACK_URL > manifest.yml > .buildpacks > detection, every pair.</summary>
public sealed class SelectionPrecedenceTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string> Pairs()
    {
        string[] order = ["explicit", "url", "manifest", "file", "detection"];
        var pairs = new TheoryData<string, string>();
        for (var i = 0; i < order.Length; i++)
        {
            for (var j = i + 1; j < order.Length; j++)
            {
                pairs.Add(order[i], order[j]);
            }
        }

        return pairs;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task The_higher_of_two_ways_of_naming_the_buildpack_wins(string higher, string lower)
    {
        var app = _temp.CreateApp("app", ("index.txt", "x"));
        var request = new StagingRequest { AppDirectory = app, OutputPath = _temp.Combine("out", "app.droplet.tgz") };
        request = Declare(Declare(request, lower), higher);

        var result = await StagingFixture.StageAsync(request);

        Assert.Equal(higher + "\n", DropletContents.TextOf(result.DropletPath, "./app/who"));
    }

    [Theory]
    [InlineData("url")]
    [InlineData("manifest")]
    [InlineData("file")]
    public async Task Each_way_alone_stages_without_detection(string way)
    {
        var app = _temp.CreateApp("app", ("index.txt", "x"));
        var request = Declare(new StagingRequest { AppDirectory = app, OutputPath = _temp.Combine("out", "app.droplet.tgz") }, way);
        var log = new RecordingLog();

        var result = await StagingFixture.StageAsync(request, log);

        Assert.Equal(way + "\n", DropletContents.TextOf(result.DropletPath, "./app/who"));
        Assert.DoesNotContain(log.Lines, line => line.StartsWith("start detect", StringComparison.Ordinal));
    }

    private StagingRequest Declare(StagingRequest request, string way)
    {
        var buildpack = Buildpack(way);
        switch (way)
        {
            case "explicit":
                return request with { Buildpacks = [buildpack] };
            case "url":
                return request with { Environment = new Dictionary<string, string>(request.Environment) { ["BUILDPACK_URL"] = buildpack } };
            case "manifest":
                File.WriteAllText(Path.Combine(request.AppDirectory, "manifest.yml"), $"applications:\n- name: app\n  buildpacks:\n  - {buildpack}\n");
                return request;
            case "file":
                File.WriteAllText(Path.Combine(request.AppDirectory, ".buildpacks"), buildpack + "\n");
                return request;
            case "detection":
                return request with { Candidates = [buildpack] };
            default:
                throw new ArgumentOutOfRangeException(nameof(way), way, "no such way");
        }
    }

    private string Buildpack(string way) => Directory.Exists(_temp.Combine("bp-" + way))
        ? _temp.Combine("bp-" + way)
        : _temp.CreateBuildpack("bp-" + way, ("detect", $"echo {way}"), ("compile", $"echo {way} > \"$1/who\""));
}
