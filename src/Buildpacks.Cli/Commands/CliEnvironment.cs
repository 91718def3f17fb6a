using Buildpacks.Cli.Reporting;

namespace Buildpacks.Cli.Commands;

/// <summary>What commands write to and read from; tests give their own.</summary>
internal sealed record CliEnvironment(TextWriter Output, TextWriter Error, Func<string, string?> Variables)
{
    public static CliEnvironment Console { get; } = new(System.Console.Out, System.Console.Error, System.Environment.GetEnvironmentVariable);

    public Reporter Reporter(string? format) => ReporterFactory.Create(format, Output, Error, Variables);
}
