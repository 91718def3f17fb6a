using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Ci;

/// <summary>
/// The log format names every door accepts (<c>auto</c>, <c>plain</c>, <c>github</c>, <c>azure</c>) and what
/// <c>auto</c> finds in the environment.
/// </summary>
internal static class CiLogFormat
{
    /// <summary>The names, <c>auto</c> first: the default.</summary>
    public static IReadOnlyList<string> Names { get; } = ["auto", "plain", "github", "azure"];

    /// <summary>The system a name asks for, or null for <c>auto</c> (an empty name is <c>auto</c> too, as an unset MSBuild property is empty).</summary>
    /// <exception cref="BuildpackException"><see cref="ErrorCodes.UnknownLogFormat"/> for any other name.</exception>
    public static CiSystem? Parse(string? name) => name switch
    {
        null or "" or "auto" => null,
        "plain" => CiSystem.None,
        "github" => CiSystem.GitHubActions,
        "azure" => CiSystem.AzurePipelines,
        _ => throw new BuildpackException(
            ErrorCodes.UnknownLogFormat,
            $"Log format '{name}' is unknown. Use one of: {string.Join(", ", Names)} (auto picks GitHub Actions or Azure Pipelines from the environment)."),
    };

    /// <summary>The system a name asks for; for <c>auto</c>, the one <see cref="Detect"/> finds.</summary>
    /// <exception cref="BuildpackException"><see cref="ErrorCodes.UnknownLogFormat"/> for an unknown name.</exception>
    public static CiSystem Resolve(string? name, Func<string, string?> environment) => Parse(name) ?? Detect(environment);

    /// <summary>The CI system whose variables <paramref name="environment"/> shows, else <see cref="CiSystem.None"/>.</summary>
    public static CiSystem Detect(Func<string, string?> environment)
    {
        if (GitHubActionsReporter.IsActive(environment))
        {
            return CiSystem.GitHubActions;
        }

        return AzurePipelinesReporter.IsActive(environment) ? CiSystem.AzurePipelines : CiSystem.None;
    }
}
