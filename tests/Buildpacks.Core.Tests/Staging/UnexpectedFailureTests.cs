using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Hosts;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Staging;

/// <summary>Whatever fails inside the engine reaches every door as a coded error, the original kept as the inner exception.</summary>
public sealed class UnexpectedFailureTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task An_unexpected_exception_becomes_an_internal_error_with_the_original_inside()
    {
        var engine = new BuildpackEngine(new BuildpackEngineOptions { Host = new FailingHost(new InvalidOperationException("the host broke")) });
        var request = StagingFixture.Request(_temp, _temp.CreateApp("app", ("index.txt", "hi")), "recorder");

        var error = await Assert.ThrowsAsync<BuildpackException>(() => engine.StageAsync(request, new RecordingLog()));

        Assert.Equal(ErrorCodes.InternalError, error.Code);
        Assert.Contains("InvalidOperationException: the host broke", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.False(File.Exists(request.OutputPath));
    }

    [Fact]
    public async Task An_unexpected_file_system_failure_says_which_file_and_what_to_do()
    {
        var engine = new BuildpackEngine(new BuildpackEngineOptions { Host = new FailingHost(new IOException("No space left on device : '/x/y'", 28)) });
        var request = StagingFixture.Request(_temp, _temp.CreateApp("app", ("index.txt", "hi")), "recorder");

        var error = await Assert.ThrowsAsync<BuildpackException>(() => engine.StageAsync(request, new RecordingLog()));

        Assert.Equal(ErrorCodes.FileSystemFailed, error.Code);
        Assert.Contains("no space left", error.Message, StringComparison.Ordinal);
        Assert.Contains("Free space", error.Message, StringComparison.Ordinal);
    }

    private sealed class FailingHost(Exception failure) : IStagingHost
    {
        public string Name => "failing";

        public HostAvailability CheckAvailability() => LocalHost.Instance.CheckAvailability();

        public Task<IStagingHostSession> OpenSessionAsync(HostSessionLayout layout, CancellationToken cancellationToken) => throw failure;
    }
}
