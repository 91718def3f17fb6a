namespace Buildpacks.Tasks.Tests.Support;

/// <summary>How a child process ended: its exit code and everything it printed (stdout and stderr, interleaved).</summary>
public sealed record ProcessResult(int ExitCode, string Output);
