namespace Buildpacks.Core.Execution;

/// <summary>How a script ended.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="Duration">How long it ran.</param>
internal sealed record ScriptOutcome(int ExitCode, TimeSpan Duration);
