using System.Globalization;
using System.Text;
using System.Text.Json;
using Buildpacks.Core.Execution;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Staging;

/// <summary>
/// Output without newlines (a minified bundle cat'ed by mistake, a progress bar, a base64 blob): the log gets
/// pieces of a bounded length with a marker, so memory does not grow with the longest line.
/// </summary>
public sealed class LongOutputTests : IDisposable
{
    // "1234567891011..." up to this number: about 20 MB, one line, checkable piece by piece.
    private const int LastNumber = 2_900_000;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_20_MB_line_from_compile_is_logged_in_bounded_pieces_that_carry_all_of_it()
    {
        var buildpack = _temp.CopyBuildpack("recorder");
        File.WriteAllText(
            Path.Combine(buildpack, "bin", "compile"),
            $"#!/usr/bin/env bash\necho before\nseq 1 {LastNumber} | tr -d '\\n'\necho\necho after\n");
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var log = new RecordingLog();

        var result = await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, buildpack), log);

        Assert.True(File.Exists(result.DropletPath));
        var output = log.Lines.Where(l => l.StartsWith("out: ", StringComparison.Ordinal)).Select(l => l["out: ".Length..]).ToList();
        Assert.Equal("before", output[0]);
        Assert.Equal("after", output[^1]);
        var pieces = output[1..^1];
        Assert.True(pieces.Count > 250, $"{pieces.Count} pieces");
        Assert.All(pieces, piece => Assert.True(piece.Length <= OutputLines.MaxLength, $"a piece of {piece.Length} chars"));
        Assert.All(pieces[..^1], piece => Assert.EndsWith(OutputLines.ContinuationMarker, piece, StringComparison.Ordinal));
        Assert.False(pieces[^1].EndsWith(OutputLines.ContinuationMarker, StringComparison.Ordinal));
        var joined = string.Concat(pieces.Select(piece => piece.EndsWith(OutputLines.ContinuationMarker, StringComparison.Ordinal) ? piece[..^OutputLines.ContinuationMarker.Length] : piece));
        var expected = Expected();
        Assert.True(expected == joined, $"the pieces carry {joined.Length} chars, not the {expected.Length} printed");
    }

    [Fact]
    public async Task Line_endings_are_kept_as_before_around_the_bound()
    {
        // Exactly the bound, CRLF, a lone CR (progress bars), an empty line, and a last line without newline.
        var exact = new string('x', OutputLines.MaxLength);
        var buildpack = _temp.CopyBuildpack("recorder");
        File.WriteAllText(Path.Combine(buildpack, "bin", "compile"), $"#!/usr/bin/env bash\nprintf '{exact}\\r\\n10%%\\r20%%\\n\\nlast'\n");
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var log = new RecordingLog();

        await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, buildpack), log);

        var output = log.Lines.Where(l => l.StartsWith("out: ", StringComparison.Ordinal)).Select(l => l["out: ".Length..]).ToList();
        Assert.Equal([exact, "10%", "20%", "", "last"], output);
    }

    [Fact]
    public async Task A_detect_printing_1_MB_gives_a_short_name_in_the_result_and_staging_info()
    {
        var buildpack = _temp.CopyBuildpack("recorder");
        File.WriteAllText(
            Path.Combine(buildpack, "bin", "detect"),
            "#!/usr/bin/env bash\nhead -c 1000000 /dev/zero | tr '\\0' 'N'\necho\necho second line\nexit 0\n");
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var request = StagingFixture.Request(_temp, app) with { Candidates = [buildpack], ResultPath = _temp.Combine("result.json") };

        var result = await StagingFixture.StageAsync(request);

        Assert.True(result.DetectedBuildpack.Length <= 256, $"a name of {result.DetectedBuildpack.Length} chars");
        Assert.StartsWith("NNNN", result.DetectedBuildpack, StringComparison.Ordinal);
        Assert.DoesNotContain("second line", result.DetectedBuildpack, StringComparison.Ordinal);
        Assert.True(new FileInfo(request.ResultPath).Length < 4096, $"result.json has {new FileInfo(request.ResultPath).Length} bytes");
        using var json = JsonDocument.Parse(File.ReadAllText(request.ResultPath));
        Assert.Equal(result.DetectedBuildpack, json.RootElement.GetProperty("lifecycle_metadata").GetProperty("detected_buildpack").GetString());
        var stagingInfo = DropletContents.TextOf(result.DropletPath, "./staging_info.yml");
        Assert.True(stagingInfo.Length < 4096, $"staging_info.yml has {stagingInfo.Length} chars");
        Assert.Contains(result.DetectedBuildpack, stagingInfo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_detect_name_is_its_first_line()
    {
        var buildpack = _temp.CopyBuildpack("recorder");
        File.WriteAllText(Path.Combine(buildpack, "bin", "detect"), "#!/usr/bin/env bash\necho 'Dotnet Core'\necho 'using SDK 10.0.100'\n");
        var app = _temp.CreateApp("app", ("index.txt", "hi"));

        var result = await StagingFixture.StageAsync(StagingFixture.Request(_temp, app) with { Candidates = [buildpack] });

        Assert.Equal("Dotnet Core", result.DetectedBuildpack);
    }

    private static string Expected()
    {
        var text = new StringBuilder();
        for (var i = 1; i <= LastNumber; i++)
        {
            text.Append(i.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
