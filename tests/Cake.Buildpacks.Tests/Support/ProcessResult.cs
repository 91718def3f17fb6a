namespace Cake.Buildpacks.Tests.Support;

/// <summary>How a process ended and everything it printed (stdout and stderr, in arrival order).</summary>
public sealed record ProcessResult(int ExitCode, IReadOnlyList<string> Lines)
{
    public string Output => string.Join('\n', Lines);
}
