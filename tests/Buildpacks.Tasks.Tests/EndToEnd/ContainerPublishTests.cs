using Buildpacks.Core;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Droplets;
using Buildpacks.Core.Staging;
using Buildpacks.Tasks.Tests.Support;

namespace Buildpacks.Tasks.Tests.EndToEnd;

/// <summary><c>dotnet publish -p:StageWithBuildpack=true -p:BuildpackStackImage=...</c> against the real engine (see <see cref="LocalContainerEngine"/>).</summary>
[Trait("Category", LocalContainerEngine.Category)]
[Collection(nameof(EndToEndCollection))]
public sealed class ContainerPublishTests(PackagedTasks packaged) : IDisposable
{
    private readonly PublishedApp _app = packaged.ConsoleApp;
    private readonly TempDirectory _temp = new();
    private readonly IReadOnlyList<string> _before = LocalContainerEngine.Leftovers();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Publish_with_a_stack_image_stages_in_it_and_gives_the_droplet_of_host_staging()
    {
        var inContainer = _temp.Combine("container.droplet.tgz");

        var container = _app.Publish("-v:n", "-p:Buildpack=" + Repository.SampleBuildpack, "-p:BuildpackDropletPath=" + inContainer, "-p:BuildpackStackImage=" + LocalContainerEngine.StackImage);

        Assert.True(container.ExitCode == 0, container.Output);
        Assert.Contains($"Scripts run in a container of {LocalContainerEngine.StackImage}", container.Output, StringComparison.Ordinal);
        Assert.Empty(LocalContainerEngine.Leftovers().Except(_before));

        // The same publish folder staged on this machine, with what the project adds (one publish less to wait for).
        var onHost = await BuildpackEngine.Default.StageAsync(new StagingRequest
        {
            AppDirectory = Path.Combine(_app.Directory, "bin", "Release", "net10.0", "publish"),
            OutputPath = _temp.Combine("host.droplet.tgz"),
            Buildpacks = [Repository.SampleBuildpack],
            ProcessTypes = new Dictionary<string, string> { ["worker"] = "dotnet HelloConsole.dll --worker" },
            ApplicationName = _app.Name,
        }, NullStagingLog.Instance);
        Assert.Equal(onHost.Sha256, DropletInspector.Sha256Of(inContainer));
    }
}
