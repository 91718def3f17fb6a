namespace Buildpacks.Core.Execution;

/// <summary>One run of a buildpack script.</summary>
/// <param name="ScriptPath">Absolute path of the script.</param>
/// <param name="Arguments">Its arguments (absolute paths, as real buildpacks expect).</param>
/// <param name="WorkingDirectory">Its working directory.</param>
/// <param name="Environment">Its whole environment; nothing is inherited from the host process.</param>
internal sealed record ScriptInvocation(
    string ScriptPath,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment);
