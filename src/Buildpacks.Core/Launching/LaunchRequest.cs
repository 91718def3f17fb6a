using Buildpacks.Core.Files;

namespace Buildpacks.Core.Launching;

/// <summary>Everything one launch of a droplet needs. Doors build it from their own inputs.</summary>
internal sealed record LaunchRequest
{
    /// <summary>The process type launched when none is named.</summary>
    public const string DefaultProcessType = "web";

    /// <summary>The port given in <c>PORT</c> when none is named, Cloud Foundry's.</summary>
    public const int DefaultPort = 8080;

    /// <summary>The droplet (<c>.tgz</c>) to run: a Cloud Foundry droplet or a Heroku slug.</summary>
    public required string DropletPath { get; init; }

    /// <summary>The process type to start (a key of the droplet's process types).</summary>
    public string ProcessType { get; init; } = DefaultProcessType;

    /// <summary>The port the process should listen on, given as <c>PORT</c> (and in <c>VCAP_APPLICATION</c>).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Variables that win over the platform's and the release's; exec.d programs and profile scripts may still change them.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Where droplets are extracted: each into a sub-directory named by its SHA-256, reused by later launches of the
    /// same droplet. Null: <see cref="DropletExtractor.DefaultRunRoot"/>.
    /// </summary>
    public string? RunDirectory { get; init; }

    /// <summary>The name in <c>VCAP_APPLICATION</c>; defaults to the droplet's file name without extensions.</summary>
    public string? ApplicationName { get; init; }

    /// <summary>How far the droplet may expand when it is extracted; a droplet over a limit is refused (BPK5040, BPK5041).</summary>
    public ExtractionLimits ExtractionLimits { get; init; } = ExtractionLimits.Default;
}
