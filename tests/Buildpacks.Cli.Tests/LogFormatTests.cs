using Buildpacks.Cli.Commands;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Cli.Tests;

/// <summary>The CLI hands <c>--log-format</c> and its environment to the engine's reporters.</summary>
public sealed class LogFormatTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(null, null, null, "-----> detect (recorder)\n")]
    [InlineData(null, "true", null, "::group::detect (recorder)\n")]
    [InlineData(null, null, "True", "##[group]detect (recorder)\n")]
    [InlineData("auto", "true", null, "::group::detect (recorder)\n")]
    [InlineData("plain", "true", null, "-----> detect (recorder)\n")]
    [InlineData("github", null, null, "::group::detect (recorder)\n")]
    [InlineData("azure", "true", null, "##[group]detect (recorder)\n")]
    public async Task The_option_wins_and_auto_reads_the_environment(string? format, string? github, string? azure, string header)
    {
        var app = _temp.CreateApp("app", ("recorder.txt", "x"));
        var variables = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = github, ["TF_BUILD"] = azure };
        string[] args = ["detect", app, "-c", Repository.FixtureBuildpack("recorder"), .. format is null ? [] : new[] { "--log-format", format }];

        var (exitCode, output, error) = await RunAsync(args, name => variables.GetValueOrDefault(name));

        Assert.True(exitCode == 0, output + error);
        Assert.StartsWith(header, output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, null, true)]
    [InlineData(true, "1", false)]
    [InlineData(false, null, false)]
    public async Task Plain_output_is_coloured_only_on_a_terminal_without_NO_COLOR(bool terminal, string? noColor, bool coloured)
    {
        var app = _temp.CreateApp("app", ("recorder.txt", "x"));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var cli = new CliEnvironment(output, error, name => name == "NO_COLOR" ? noColor : null, terminal, terminal);

        var exitCode = await CliApp.RunAsync(["detect", app, "-c", Repository.FixtureBuildpack("recorder")], cli);

        Assert.True(exitCode == 0, output.ToString() + error);
        Assert.Equal(coloured, output.ToString().Contains("\e[1m-----> detect (recorder)\e[0m", StringComparison.Ordinal));
        Assert.Equal(coloured, output.ToString().Contains('\e', StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_format_fails_with_the_engine_code()
    {
        var (exitCode, _, error) = await RunAsync(["inspect", _temp.Combine("none.tgz"), "--log-format", "GitHub"], _ => null);

        Assert.Equal(1, exitCode);
        Assert.Contains("BPK1120: Log format 'GitHub' is unknown. Use one of: auto, plain, github, azure", error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, Func<string, string?> variables)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, new CliEnvironment(output, error, variables));
        return (exitCode, output.ToString(), error.ToString());
    }
}
