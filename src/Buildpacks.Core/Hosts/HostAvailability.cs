namespace Buildpacks.Core.Hosts;

/// <summary>Whether a host can run scripts now.</summary>
/// <param name="IsAvailable">True when it can.</param>
/// <param name="Reason">When it cannot: why, and what to do about it.</param>
public sealed record HostAvailability(bool IsAvailable, string? Reason)
{
    /// <summary>The host can run scripts.</summary>
    public static HostAvailability Available { get; } = new(true, null);

    /// <summary>The host cannot run scripts, for <paramref name="reason"/>.</summary>
    public static HostAvailability Unavailable(string reason) => new(false, reason);
}
