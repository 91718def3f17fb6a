using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Ci;

/// <summary>Azure Pipelines logging commands: groups, issues with a code and source path, and output variables.</summary>
internal sealed class AzurePipelinesReporter(TextWriter output, TextWriter error) : CiReporter(output, error)
{
    /// <summary>The agent sets <c>TF_BUILD=True</c> for every task.</summary>
    public static bool IsActive(Func<string, string?> environment) =>
        string.Equals(environment("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase);

    public override void BeginGroup(string title) => Out.WriteLine($"##[group]{title}");

    public override void EndGroup() => Out.WriteLine("##[endgroup]");

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
