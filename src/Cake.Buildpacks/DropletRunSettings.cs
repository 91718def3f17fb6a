using Buildpacks.Core.Files;
using Buildpacks.Core.Launching;

namespace Cake.Buildpacks;

/// <summary>How <see cref="BuildpacksAliases.DropletRun"/> starts a droplet; the options of <c>buildpacks run</c>.</summary>
public sealed class DropletRunSettings
{
    /// <summary>The process type to start (default <c>web</c>).</summary>
    public string ProcessType { get; set; } = LaunchRequest.DefaultProcessType;

    /// <summary>The port given to the app as <c>PORT</c> (default 8080).</summary>
    public int Port { get; set; } = LaunchRequest.DefaultPort;

    /// <summary>Variables that override the droplet's defaults.</summary>
    public IDictionary<string, string> EnvironmentVariables { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Where droplets are extracted (one folder per droplet SHA-256, reused); null: a folder under the temp directory.</summary>
    public string? RunDirectory { get; set; }

    /// <summary>The most bytes the droplet may expand to when extracted (default 8 GiB); a larger one fails with BPK5040.</summary>
    public long MaxExtractBytes { get; set; } = ExtractionLimits.DefaultMaxBytes;

    /// <summary>The most entries the droplet may hold (default 1,000,000); more fail with BPK5041.</summary>
    public int MaxExtractEntries { get; set; } = ExtractionLimits.DefaultMaxEntries;
}
