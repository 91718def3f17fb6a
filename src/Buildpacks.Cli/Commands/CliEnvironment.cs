using Buildpacks.Core.Ci;

namespace Buildpacks.Cli.Commands;

/// <summary>What commands write to and read from; tests give their own. Colours need a stream that is a terminal.</summary>
internal sealed record CliEnvironment(TextWriter Output, TextWriter Error, Func<string, string?> Variables, bool OutputIsTerminal = false, bool ErrorIsTerminal = false)
{
    public static CliEnvironment Console { get; } = new(
        System.Console.Out,
        System.Console.Error,
        System.Environment.GetEnvironmentVariable,
        !System.Console.IsOutputRedirected,
        !System.Console.IsErrorRedirected);

    /// <summary>The engine's reporter for a <c>--log-format</c> name (already checked by the option), on this console.</summary>
    public ICiReporter Reporter(string? format) =>
        CiReporterFactory.Create(CiLogFormat.Resolve(format, Variables), Output, Error, Variables, OutputIsTerminal, ErrorIsTerminal);
}
