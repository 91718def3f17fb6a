namespace Buildpacks.Core.Launching;

/// <summary>A droplet unpacked into its run directory.</summary>
/// <param name="Directory">The run directory: the droplet's <c>./</c> (for Cloud Foundry, the parent of <c>app</c>).</param>
/// <param name="Sha256">The droplet's SHA-256, which names the run directory.</param>
/// <param name="Reused">True when an earlier, complete extraction of the same droplet was used as is.</param>
internal sealed record ExtractedDroplet(string Directory, string Sha256, bool Reused);
