namespace Buildpacks.Core.Release;

/// <summary>What <c>bin/release</c> said. Every empty output means <see cref="Empty"/>.</summary>
/// <param name="Addons">Add-ons to provision.</param>
/// <param name="ConfigVars">Default environment of the app.</param>
/// <param name="DefaultProcessTypes">Process types by name.</param>
internal sealed record ReleaseInfo(
    IReadOnlyList<string> Addons,
    IReadOnlyDictionary<string, string> ConfigVars,
    IReadOnlyDictionary<string, string> DefaultProcessTypes)
{
    /// <summary>No add-ons, no variables, no process types.</summary>
    public static ReleaseInfo Empty { get; } = new([], new Dictionary<string, string>(), new Dictionary<string, string>());
}
