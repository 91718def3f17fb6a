namespace Buildpacks.Bench.Running;

/// <summary>A scenario could not run (a command failed, a tool is missing); the report marks its targets failed.</summary>
internal sealed class BenchException(string message) : Exception(message);
