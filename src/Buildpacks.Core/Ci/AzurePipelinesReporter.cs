using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Staging;

namespace Buildpacks.Core.Ci;

/// <summary>
/// Azure Pipelines logging commands: groups, issues with a code and source path, secrets, output variables and a
/// Markdown summary uploaded to the run. The agent has no way to pause command parsing, so every line of text is
/// neutralised by <see cref="CommandGuard"/> instead, split where the agent splits (CR as well as LF). Buildpack
/// stderr goes to stdout too, so a secret is registered before any line of either stream that shows it.
/// </summary>
internal sealed class AzurePipelinesReporter(TextWriter output, TextWriter error, string summaryDirectory, Func<string> newToken)
    : CiReporter(output, error)
{
    /// <summary>The agent sets <c>TF_BUILD=True</c> for every task.</summary>
    public static bool IsActive(Func<string, string?> environment) =>
        string.Equals(environment("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes summaries under the agent's temporary directory (<c>AGENT_TEMPDIRECTORY</c>), cleaned after every job.</summary>
    public static AzurePipelinesReporter Create(TextWriter output, TextWriter error, Func<string, string?> environment, Func<string>? newToken = null) =>
        new(output, error, environment("AGENT_TEMPDIRECTORY") is { Length: > 0 } temp ? temp : Path.GetTempPath(), newToken ?? RandomTokens.New);

    public override void BeginGroup(string title) => Out.WriteLine($"##[group]{CommandGuard.Line(title)}");

    public override void EndGroup() => Out.WriteLine("##[endgroup]");

    public override void Output(string line, bool isStandardError)
    {
        foreach (var piece in CommandGuard.RunnerLines(line))
        {
            Out.WriteLine(Indent + CommandGuard.Neutralize(piece));
        }
    }

    public override void Warning(BuildpackDiagnostic diagnostic) => Issue("warning", diagnostic.Code, diagnostic.Message, diagnostic.File);

    public override void Error(string code, string message, string? file) => Issue("error", code, message, file);

    public override void SetOutput(string name, string value) =>
        Out.WriteLine($"##vso[task.setvariable variable={name};isOutput=true]{Escape(value)}");

    public override void AddSecrets(IEnumerable<string> secrets)
    {
        foreach (var secret in secrets)
        {
            Out.WriteLine($"##vso[task.setsecret]{Escape(secret)}");
        }
    }

    public override void Staged(StagingResult result)
    {
        base.Staged(result);

        // The summary's file name is its title on the run's Extensions tab; a directory per staging keeps two apart.
        var file = Path.Combine(summaryDirectory, "buildpacks-" + newToken()[..12], "Buildpack staging.md");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, StagingSummary.ToMarkdown(result));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BuildpackException(
                ErrorCodes.CiFileNotWritable,
                $"Could not write the staging summary ({ex.Message}). It goes under AGENT_TEMPDIRECTORY, else the system's temporary directory: check that it is writable.",
                file);
        }

        Out.WriteLine($"##vso[task.uploadsummary]{Escape(file)}");
    }

    protected override void Line(string text) => Out.WriteLine(CommandGuard.Line(text));

    private void Issue(string type, string code, string message, string? file)
    {
        var properties = $"type={type};code={code}";
        if (!string.IsNullOrEmpty(file))
        {
            properties += $";sourcepath={Escape(file)}";
        }

        Out.WriteLine($"##vso[task.logissue {properties}]{Escape($"{code}: {message}")}");
    }

    // The agent's escapes, % first so the others are not escaped twice; it unescapes in the opposite order.
    private static string Escape(string value) =>
        value.Replace("%", "%AZP25", StringComparison.Ordinal)
            .Replace(";", "%3B", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal)
            .Replace("]", "%5D", StringComparison.Ordinal);
}
