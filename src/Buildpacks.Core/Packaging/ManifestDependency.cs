namespace Buildpacks.Core.Packaging;

/// <summary>One entry of a manifest's <c>dependencies</c>; <see cref="Raw"/> is the YAML mapping itself, so keys the packager does not know survive.</summary>
internal sealed record ManifestDependency(
    string Name,
    string Version,
    string Uri,
    string? Sha256,
    string? Md5,
    IReadOnlyList<string> CfStacks,
    IDictionary<object, object?> Raw)
{
    /// <summary>True when the dependency is for <paramref name="stack"/>; no stack (any-stack) or no cf_stacks matches all.</summary>
    public bool IsFor(string? stack) => stack is null || CfStacks.Count == 0 || CfStacks.Contains(stack, StringComparer.Ordinal);
}
