using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Staging;

/// <summary>Scripts saved by Windows editors "with BOM": the kernel sees no shebang and bash runs them with a cryptic line-1 error.</summary>
public sealed class ScriptBomTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_compile_saved_with_a_BOM_gets_its_own_error_naming_the_file_and_the_fix()
    {
        var buildpack = _temp.CopyBuildpack("recorder");
        var compile = Path.Combine(buildpack, "bin", "compile");
        PrependBom(compile);
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var request = StagingFixture.Request(_temp, app, buildpack);

        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(request));

        Assert.Equal(ErrorCodes.ScriptHasBom, error.Code);
        Assert.Equal(compile, error.File);
        Assert.Contains("byte order mark", error.Message, StringComparison.Ordinal);
        Assert.Contains($"sed -i '1s/^\\xEF\\xBB\\xBF//' {compile}", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(request.OutputPath));
    }

    [Fact]
    public async Task A_detect_saved_with_a_BOM_is_explained_and_the_next_candidate_is_asked()
    {
        var broken = _temp.CopyBuildpack("recorder");
        var detect = Path.Combine(broken, "bin", "detect");
        PrependBom(detect);
        var app = _temp.CreateApp("app", ("recorder.txt", "yes"));
        var log = new RecordingLog();

        var report = await BuildpackEngine.Default.DetectAsync(app, [broken, Repository.FixtureBuildpack("recorder")], log);

        Assert.Equal(Repository.FixtureBuildpack("recorder"), report.Winner);
        Assert.Equal($"{ErrorCodes.ScriptHasBom}: bin/detect cannot run", report.Attempts[0].Problem);
        var warning = Assert.Single(log.Warnings, w => w.Code == ErrorCodes.ScriptHasBom);
        Assert.Equal(detect, warning.File);
        Assert.Contains("sed -i", warning.Message, StringComparison.Ordinal);
    }

    private static void PrependBom(string script)
    {
        var mode = File.GetUnixFileMode(script);
        File.WriteAllBytes(script, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(script)]);
        File.SetUnixFileMode(script, mode);
    }
}
