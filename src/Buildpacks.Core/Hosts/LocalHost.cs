using Buildpacks.Core.Execution;

namespace Buildpacks.Core.Hosts;

/// <summary>Runs buildpack scripts directly on this machine, with its bash.</summary>
internal sealed class LocalHost : IStagingHost
{
    private readonly ScriptContainment? _containment;

    /// <summary>A local host that contains scripts as well as this machine permits.</summary>
    public LocalHost()
    {
    }

    /// <summary>A local host with a chosen containment (tests force the fallback with it).</summary>
    internal LocalHost(ScriptContainment containment) => _containment = containment;

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
        return Task.FromResult<IStagingHostSession>(new LocalHostSession(layout, _containment));
    }
}
