using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Cli.Reporting;

/// <summary>A terminal or any CI system without a log language of its own; MSBuild-style diagnostics.</summary>
internal sealed class PlainReporter(TextWriter output, TextWriter error) : Reporter(output, error)
{
    public override void Warning(BuildpackDiagnostic diagnostic) =>
        Err.WriteLine($"{Prefix(diagnostic.File)}warning {diagnostic.Code}: {diagnostic.Message}");

    public override void Error(string code, string message, string? file) =>
        Err.WriteLine($"{Prefix(file)}error {code}: {message}");

    private static string Prefix(string? file) => string.IsNullOrEmpty(file) ? "" : file + ": ";
}
