namespace Buildpacks.Core.Launching;

/// <summary>What the launcher decided before it starts the process.</summary>
internal sealed record LaunchPlan(
    string RunDirectory,
    string AppDirectory,
    string ProcessType,
    string Command,
    string? EntrypointPrefix,
    int Port,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<string> ProfileScripts);
