using Buildpacks.Core.Staging;

namespace Buildpacks.Core.Tests.Support;

/// <summary>Shortcuts for end-to-end stagings in a temp directory.</summary>
public static class StagingFixture
{
    public static StagingRequest Request(TempDirectory temp, string app, params string[] buildpacks) => new()
    {
        AppDirectory = app,
        OutputPath = temp.Combine("out", "app.droplet.tgz"),
        Buildpacks = [.. buildpacks.Select(b => Directory.Exists(b) ? b : Repository.FixtureBuildpack(b))],
    };

    public static Task<StagingResult> StageAsync(StagingRequest request, RecordingLog? log = null, CancellationToken cancellationToken = default) =>
        BuildpackEngine.Default.StageAsync(request, log ?? new RecordingLog(), cancellationToken);

    /// <summary>The text of a file the recorder buildpack wrote into the droplet's app/.recorded folder.</summary>
    public static string Recorded(StagingResult result, string name) =>
        DropletContents.TextOf(result.DropletPath, "./app/.recorded/" + name);
}
