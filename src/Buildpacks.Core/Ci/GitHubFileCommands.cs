using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Ci;

/// <summary>
/// The files a GitHub Actions step writes for the runner: <c>$GITHUB_OUTPUT</c> (step outputs) and
/// <c>$GITHUB_STEP_SUMMARY</c> (Markdown for the job summary). A missing variable means no file and nothing written.
/// </summary>
internal sealed class GitHubFileCommands(string? outputFile, string? summaryFile, Func<string> newToken)
{
    public static GitHubFileCommands FromEnvironment(Func<string, string?> environment, Func<string> newToken) =>
        new(environment("GITHUB_OUTPUT"), environment("GITHUB_STEP_SUMMARY"), newToken);

    /// <summary>
    /// Appends <c>name&lt;&lt;DELIMITER</c>, the value, <c>DELIMITER</c>: the runner's multi-line form, so a value may
    /// hold line breaks. The delimiter is random and never part of the value, so no value can end the entry early.
    /// </summary>
    public void SetOutput(string name, string value)
    {
        if (string.IsNullOrEmpty(outputFile))
        {
            return;
        }

        var delimiter = "ghadelimiter_" + newToken();
        while (value.Contains(delimiter, StringComparison.Ordinal))
        {
            delimiter = "ghadelimiter_" + newToken();
        }

        Append(outputFile, $"{name}<<{delimiter}\n{value}\n{delimiter}\n", "GITHUB_OUTPUT");
    }

    /// <summary>Appends Markdown to the step's summary.</summary>
    public void AppendSummary(string markdown)
    {
        if (!string.IsNullOrEmpty(summaryFile))
        {
            Append(summaryFile, markdown.EndsWith('\n') ? markdown : markdown + "\n", "GITHUB_STEP_SUMMARY");
        }
    }

    private static void Append(string file, string text, string variable)
    {
        try
        {
            File.AppendAllText(file, text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BuildpackException(
                ErrorCodes.CiFileNotWritable,
                $"Could not write the file ${variable} names ({ex.Message}). The runner sets it for each step; check that nothing else removed or locked it.",
                file);
        }
    }
}
