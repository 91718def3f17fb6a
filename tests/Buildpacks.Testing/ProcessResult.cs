namespace Buildpacks.Testing;

/// <summary>How a child process ended and everything it printed (stdout and stderr, lines in arrival order).</summary>
public sealed record ProcessResult(int ExitCode, IReadOnlyList<string> Lines)
{
    public string Output => string.Join('\n', Lines);
}
