namespace Buildpacks.Core.Hosts;

/// <summary>Whether a host can run scripts now.</summary>
/// <param name="IsAvailable">True when it can.</param>
/// <param name="Reason">When it cannot: why, and what to do about it.</param>
/// <param name="Code">When it cannot: the error code that fits the reason; null: the generic host-unavailable code.</param>
internal sealed record HostAvailability(bool IsAvailable, string? Reason, string? Code = null)
{
    /// <summary>The host can run scripts.</summary>
    public static HostAvailability Available { get; } = new(true, null);

    /// <summary>The host cannot run scripts, for <paramref name="reason"/>, reported with <paramref name="code"/> when given.</summary>
    public static HostAvailability Unavailable(string reason, string? code = null) => new(false, reason, code);
}
