namespace Buildpacks.Core.Staging;

/// <summary>One buildpack that took part in a staging.</summary>
/// <param name="Key">The reference it was given as.</param>
/// <param name="Name">Its name (config.yml, detect output or directory name).</param>
/// <param name="Version">Its version from config.yml or a VERSION file, when known.</param>
public sealed record StagedBuildpack(string Key, string Name, string? Version)
{
    /// <summary>What exactly ran: the content hash of a local directory, a git commit or an archive's sha256.</summary>
    public Sources.BuildpackIdentity? Identity { get; init; }
}
