namespace Buildpacks.Core.Diagnostics;

/// <summary>
/// A step of a staging that the log shows as a unit with its duration. Logs print it with
/// <see cref="StagingPhaseNames.Name"/>, the lower-case name users know from the buildpack contract.
/// </summary>
public enum StagingPhase
{
    /// <summary><c>bin/detect</c> of a candidate buildpack.</summary>
    Detect,

    /// <summary><c>bin/supply</c> of a buildpack.</summary>
    Supply,

    /// <summary><c>bin/finalize</c> of the final buildpack.</summary>
    Finalize,

    /// <summary><c>bin/compile</c> of the final buildpack, when it has no <c>bin/finalize</c>.</summary>
    Compile,

    /// <summary><c>bin/release</c> of the final buildpack.</summary>
    Release,

    /// <summary>Writing the droplet; an engine phase, no buildpack runs.</summary>
    Pack,

    /// <summary>A pre-staging hook (<c>stackato.yml</c>, the request): a shell command run before the first buildpack.</summary>
    PreStaging,

    /// <summary>A post-staging hook: a shell command run after the last buildpack, before release and packing.</summary>
    PostStaging,
}
