using Buildpacks.Cli.Commands;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Cli.Tests;

/// <summary>What a user sees when a command fails: one coded line; the stack trace only when asked for.</summary>
public sealed class CommandRunnerTests
{
    [Fact]
    public async Task An_unexpected_exception_is_one_coded_line_without_a_stack_trace()
    {
        var (exitCode, error) = await RunAsync(debug: null, () => throw new InvalidOperationException("the unexpected"));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error BPK1119: Internal error: InvalidOperationException: the unexpected.", line, StringComparison.Ordinal);
        Assert.Contains("BUILDPACKS_DEBUG=1", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BUILDPACKS_DEBUG_adds_the_stack_trace_below_the_coded_line()
    {
        var (_, error) = await RunAsync(debug: "1", () => throw new InvalidOperationException("the unexpected"));

        Assert.StartsWith("error BPK1119: Internal error: InvalidOperationException: the unexpected.", error, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: the unexpected", error, StringComparison.Ordinal);
        Assert.Contains("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BUILDPACKS_DEBUG_shows_what_lies_beneath_a_coded_error()
    {
        var (exitCode, error) = await RunAsync(debug: "1", () => throw new BuildpackException("BPK1075", "No room.", null, 1, new IOException("disk full")));

        Assert.Equal(1, exitCode);
        Assert.StartsWith("error BPK1075: No room.\n", error, StringComparison.Ordinal);
        Assert.Contains("System.IO.IOException: disk full", error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Error)> RunAsync(string? debug, Func<Task<int>> command)
    {
        using var error = new StringWriter();
        var cli = new CliEnvironment(TextWriter.Null, error, name => name == "BUILDPACKS_DEBUG" ? debug : null);
        var exitCode = await CommandRunner.RunAsync(cli, cli.Reporter("plain"), command);
        return (exitCode, error.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
