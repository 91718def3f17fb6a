namespace Buildpacks.Core.Diagnostics;

/// <summary>Codes of the request builder: a door's settings that do not make a staging (BPK1080-BPK1089).</summary>
internal static partial class ErrorCodes
{
    /// <summary>Neither a buildpack nor a candidate to detect with was given.</summary>
    public const string NoBuildpack = "BPK1080";
    /// <summary>The droplet layout is neither <c>cf</c> nor <c>heroku</c>.</summary>
    public const string InvalidLayout = "BPK1081";
    /// <summary>The Procfile mode is neither <c>merge</c> nor <c>replace</c>.</summary>
    public const string InvalidProcfileMode = "BPK1082";
    /// <summary>The timeout is not a positive duration.</summary>
    public const string InvalidTimeout = "BPK1083";
    /// <summary>A process type has an invalid name, no command, or is not written <c>TYPE=COMMAND</c>.</summary>
    public const string InvalidProcessType = "BPK1084";
    /// <summary>The droplet time stamp is neither Unix seconds nor an ISO 8601 date and time.</summary>
    public const string InvalidTimestamp = "BPK1085";
}
