using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Ci;

/// <summary>GitHub Actions workflow commands: collapsible groups, annotations, and step outputs in <c>$GITHUB_OUTPUT</c>.</summary>
internal sealed class GitHubActionsReporter(TextWriter output, TextWriter error, string? outputFile) : CiReporter(output, error)
{
    /// <summary>The runner sets <c>GITHUB_ACTIONS=true</c> for every step.</summary>
    public static bool IsActive(Func<string, string?> environment) =>
        string.Equals(environment("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);

    public static GitHubActionsReporter Create(TextWriter output, TextWriter error, Func<string, string?> environment) =>
        new(output, error, environment("GITHUB_OUTPUT"));

    public override void BeginGroup(string title) => Out.WriteLine($"::group::{Escape(title)}");

    public override void EndGroup() => Out.WriteLine("::endgroup::");

    public override void Warning(BuildpackDiagnostic diagnostic) => Annotate("warning", diagnostic.Code, diagnostic.Message, diagnostic.File);

    public override void Error(string code, string message, string? file) => Annotate("error", code, message, file);

    public override void SetOutput(string name, string value)
    {
        if (!string.IsNullOrEmpty(outputFile))
        {
            File.AppendAllText(outputFile, $"{name}={value}\n");
        }
    }

    private void Annotate(string kind, string code, string message, string? file)
    {
        var properties = $"title={EscapeProperty(code)}";
        if (!string.IsNullOrEmpty(file))
        {
            properties = $"file={EscapeProperty(file)},{properties}";
        }

        Out.WriteLine($"::{kind} {properties}::{Escape($"{code}: {message}")}");
    }

    private static string Escape(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string value) =>
        Escape(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
