using Buildpacks.Core.Execution;

namespace Buildpacks.Core.Hosts;

/// <summary>Runs buildpack scripts directly on this machine, with its bash.</summary>
public sealed class LocalHost : IStagingHost
{
    /// <summary>The one local host.</summary>
    public static LocalHost Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "local";

    /// <inheritdoc />
    public HostAvailability CheckAvailability() => File.Exists(BashProcess.Bash)
        ? HostAvailability.Available
        : HostAvailability.Unavailable("bash was not found in /usr/bin or /bin; buildpack scripts need it. Install bash, or stage in a stack image.");

    /// <inheritdoc />
    public Task<IStagingHostSession> OpenSessionAsync(HostSessionLayout layout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return Task.FromResult<IStagingHostSession>(new LocalHostSession(layout));
    }
}
