namespace Buildpacks.Core.Ci;

/// <summary>The log languages the engine speaks: one CI system's, or plain text.</summary>
internal enum CiSystem
{
    /// <summary>A terminal, or a CI system without a log language of its own: plain lines, MSBuild-style diagnostics.</summary>
    None,

    /// <summary>GitHub Actions workflow commands.</summary>
    GitHubActions,

    /// <summary>Azure Pipelines logging commands.</summary>
    AzurePipelines,
}
