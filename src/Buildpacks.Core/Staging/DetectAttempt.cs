namespace Buildpacks.Core.Staging;

/// <summary>What one candidate's <c>bin/detect</c> said.</summary>
/// <param name="Candidate">The candidate reference.</param>
/// <param name="ExitCode">Its exit code; null when it could not run.</param>
/// <param name="Output">What it printed (stdout then stderr), trimmed.</param>
/// <param name="Problem">Why it could not run (no bin/detect, not executable, CRLF), when it could not.</param>
public sealed record DetectAttempt(string Candidate, int? ExitCode, string Output, string? Problem)
{
    /// <summary>Whether this candidate applies to the app.</summary>
    public bool Detected => ExitCode == 0;

    /// <summary>One line for a person: "exit 1: no package.json".</summary>
    public string Explain()
    {
        var why = Problem ?? $"exit {ExitCode}";
        return Output.Length == 0 ? why : $"{why}: {Output.ReplaceLineEndings(" | ")}";
    }
}
