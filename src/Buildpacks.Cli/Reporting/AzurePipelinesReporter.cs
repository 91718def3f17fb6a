using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Cli.Reporting;

/// <summary>Azure Pipelines logging commands: groups, issues with a code and source path, and pipeline variables.</summary>
internal sealed class AzurePipelinesReporter(TextWriter output, TextWriter error) : Reporter(output, error)
{
    public override void PhaseStarted(StagingPhase phase, string buildpack) => Out.WriteLine($"##[group]{Title(phase, buildpack)}");

    public override void PhaseFinished(StagingPhase phase, string buildpack, TimeSpan duration)
    {
        Out.WriteLine($"{Title(phase, buildpack)} took {Seconds(duration)}");
        Out.WriteLine("##[endgroup]");
    }

    public override void Warning(BuildpackDiagnostic diagnostic) => Issue("warning", diagnostic.Code, diagnostic.Message, diagnostic.File);

    public override void Error(string code, string message, string? file) => Issue("error", code, message, file);

    public override void SetOutput(string name, string value) =>
        Out.WriteLine($"##vso[task.setvariable variable={name};isOutput=true]{Escape(value)}");

    private void Issue(string type, string code, string message, string? file)
    {
        var properties = $"type={type};code={code}";
        if (!string.IsNullOrEmpty(file))
        {
            properties += $";sourcepath={Escape(file)}";
        }

        Out.WriteLine($"##vso[task.logissue {properties}]{Escape($"{code}: {message}")}");
    }

    private static string Escape(string value) =>
        value.Replace("%", "%AZP25", StringComparison.Ordinal)
            .Replace(";", "%3B", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal)
            .Replace("]", "%5D", StringComparison.Ordinal);
}
