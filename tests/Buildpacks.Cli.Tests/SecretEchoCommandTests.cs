using Buildpacks.Cli.Tests.Support;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Cli.Tests;

/// <summary>A user's typo in a variable must not print the secret into a CI log: the CLI names the variable or the line.</summary>
[Trait("Category", "EndToEnd")]
public sealed class SecretEchoCommandTests : IDisposable
{
    private const string Secret = "s3cr3t-9f8e7d";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task An_env_option_without_a_name_is_a_coded_error_that_does_not_echo_it()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));

        var run = await CliProcess.RunAsync(["stage", app, "-b", Repository.FixtureBuildpack("recorder"), "-o", _temp.Combine("x.tgz"), "--env", Secret]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error BPK1010", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_env_file_line_is_named_by_its_number_not_quoted()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var envFile = _temp.Combine("prod.env");
        File.WriteAllText(envFile, $"LOG_LEVEL=info\nAPI_TOKEN {Secret}\n");

        var run = await CliProcess.RunAsync(["stage", app, "-b", Repository.FixtureBuildpack("recorder"), "-o", _temp.Combine("x.tgz"), "--env-file", envFile]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error BPK1011", run.Error, StringComparison.Ordinal);
        Assert.Contains("Line 2", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.Output + run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.Combine("x.tgz")));
    }
}
