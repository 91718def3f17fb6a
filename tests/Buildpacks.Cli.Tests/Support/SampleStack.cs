namespace Buildpacks.Cli.Tests.Support;

/// <summary>samples/stacks built once by <c>buildpacks stack build</c> for the stack tests, with a tag of its own, removed after.</summary>
public sealed class SampleStack : IAsyncLifetime
{
    public string Tag { get; } = "test-" + Guid.NewGuid().ToString("N")[..8];

    public string BuildImage => $"localhost/io.buildpacks.tasks.sample-build:{Tag}";

    public string RunImage => $"localhost/io.buildpacks.tasks.sample-run:{Tag}";

    public string Archive { get; } = Path.Combine(Path.GetTempPath(), $"bpk-stack-{Guid.NewGuid():N}.oci");

    public CliRun Build { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Build = await CliProcess.RunAsync(["stack", "build", Path.Combine(Repository.Root, "samples", "stacks", "stack.toml"), "--tag", Tag, "--build-output", Archive]);

    public Task DisposeAsync()
    {
        LocalContainerEngine.Docker("rmi", BuildImage, RunImage);
        File.Delete(Archive);
        return Task.CompletedTask;
    }
}
