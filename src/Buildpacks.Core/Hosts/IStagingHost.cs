namespace Buildpacks.Core.Hosts;

/// <summary>
/// Where buildpack scripts run: this machine, or (later) a container of a stack image. The engine opens one
/// session per staging and runs every script of that staging through it.
/// </summary>
internal interface IStagingHost
{
    /// <summary>A short name for logs and errors (<c>local</c>, <c>docker</c>, ...).</summary>
    string Name { get; }

    /// <summary>Whether scripts can run here now, and if not, what the user should do.</summary>
    HostAvailability CheckAvailability();

    /// <summary>Opens a session over the directories of one staging; disposing it releases everything it started.</summary>
    Task<IStagingHostSession> OpenSessionAsync(HostSessionLayout layout, CancellationToken cancellationToken);
}
