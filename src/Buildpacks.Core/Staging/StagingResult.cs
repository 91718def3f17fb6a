namespace Buildpacks.Core.Staging;

/// <summary>What a successful staging produced.</summary>
public sealed record StagingResult
{
    /// <summary>The droplet's full path.</summary>
    public required string DropletPath { get; init; }

    /// <summary>The droplet's SHA-256, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The droplet's size in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>The droplet's layout.</summary>
    public required DropletLayout Layout { get; init; }

    /// <summary>The name the final buildpack goes by (its detect output, config.yml name or directory name).</summary>
    public required string DetectedBuildpack { get; init; }

    /// <summary>The <c>web</c> command, empty when there is none.</summary>
    public required string StartCommand { get; init; }

    /// <summary>Process types by name, sorted by name.</summary>
    public required IReadOnlyDictionary<string, string> ProcessTypes { get; init; }

    /// <summary>The release's default environment.</summary>
    public required IReadOnlyDictionary<string, string> ConfigVars { get; init; }

    /// <summary>The buildpacks that ran, in order, the final one last.</summary>
    public required IReadOnlyList<StagedBuildpack> Buildpacks { get; init; }

    /// <summary>How long each phase took, in the order they ran.</summary>
    public required IReadOnlyList<PhaseTiming> Timings { get; init; }

    /// <summary>Warnings raised along the way.</summary>
    public required IReadOnlyList<Diagnostics.BuildpackDiagnostic> Warnings { get; init; }
}
