using Buildpacks.Core.Launching;
using Buildpacks.Core.Staging;

namespace Buildpacks.Core.Droplets;

/// <summary>What a droplet holds, as <c>buildpacks inspect</c> shows it.</summary>
public sealed record DropletInfo
{
    /// <summary>The droplet's full path.</summary>
    public required string Path { get; init; }

    /// <summary>Its size in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>Its SHA-256, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Its layout, told from its entries.</summary>
    public required DropletLayout Layout { get; init; }

    /// <summary>The number of regular files (directories and links not counted).</summary>
    public required int FileCount { get; init; }

    /// <summary>The buildpack that staged it, from staging_info.yml (empty for a slug).</summary>
    public required string DetectedBuildpack { get; init; }

    /// <summary>The <c>web</c> command.</summary>
    public required string StartCommand { get; init; }

    /// <summary>Process types by name.</summary>
    public required IReadOnlyDictionary<string, string> ProcessTypes { get; init; }

    /// <summary>Every entry name, in archive order.</summary>
    public required IReadOnlyList<string> Entries { get; init; }

    /// <summary>
    /// The exec.d programs and profile scripts a launch runs, in launch order; a program with a
    /// <see cref="LaunchScript.ProcessType"/> runs only for that type.
    /// </summary>
    public IReadOnlyList<LaunchScript> LaunchScripts { get; init; } = [];
}
