using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Cli.Reporting;

/// <summary>GitHub Actions workflow commands: collapsible groups, annotations, and step outputs in $GITHUB_OUTPUT.</summary>
internal sealed class GitHubActionsReporter(TextWriter output, TextWriter error, string? outputFile) : Reporter(output, error)
{
    public override void PhaseStarted(StagingPhase phase, string buildpack) => Out.WriteLine($"::group::{Escape(Title(phase, buildpack))}");

    public override void PhaseFinished(StagingPhase phase, string buildpack, TimeSpan duration)
    {
        Out.WriteLine($"{Title(phase, buildpack)} took {Seconds(duration)}");
        Out.WriteLine("::endgroup::");
    }

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
