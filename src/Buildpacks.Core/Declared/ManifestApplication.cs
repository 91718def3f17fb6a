namespace Buildpacks.Core.Declared;

/// <summary>The keys of one application of a Cloud Foundry manifest that shape staging; unset keys are null or empty.</summary>
/// <param name="ManifestFile">The manifest it was read from, a full path.</param>
/// <param name="Name">The application's <c>name</c>.</param>
/// <param name="Buildpacks">Its <c>buildpacks</c> (or the old single <c>buildpack</c>), in order.</param>
/// <param name="Environment">Its <c>env</c>.</param>
/// <param name="Stack">Its <c>stack</c>.</param>
/// <param name="Command">Its <c>command</c>: the start command.</param>
/// <param name="MemoryLimit">Its <c>memory</c>, as Cloud Foundry gives it in <c>MEMORY_LIMIT</c> (<c>1024m</c>).</param>
/// <param name="Path">Its <c>path</c>, a full path (relative ones are read from the manifest's directory).</param>
internal sealed record ManifestApplication(
    string ManifestFile,
    string? Name,
    IReadOnlyList<string> Buildpacks,
    IReadOnlyDictionary<string, string> Environment,
    string? Stack,
    string? Command,
    string? MemoryLimit,
    string? Path);
