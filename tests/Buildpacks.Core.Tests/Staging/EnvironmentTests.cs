using System.Diagnostics;
using System.Text.Json;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Staging;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Staging;

public sealed class EnvironmentTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Env_dir_holds_one_file_per_variable_with_the_raw_value()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var request = StagingFixture.Request(_temp, app, "recorder") with
        {
            Environment = new Dictionary<string, string> { ["GREETING"] = "hello world", ["MULTI"] = "line1\nline2", ["EMPTY"] = "" },
        };

        var result = await StagingFixture.StageAsync(request);

        Assert.Equal("EMPTY=\nGREETING=hello world\nMULTI=line1\nline2\n", StagingFixture.Recorded(result, "envdir"));
    }

    [Fact]
    public async Task User_variables_are_exported_except_those_that_would_break_build_tools()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var log = new RecordingLog();
        var request = StagingFixture.Request(_temp, app, "recorder") with
        {
            Environment = new Dictionary<string, string> { ["GREETING"] = "hello", ["LD_PRELOAD"] = "/evil.so", ["STACK"] = "overridden" },
        };

        var result = await StagingFixture.StageAsync(request, log);

        var env = Env(result);
        Assert.Equal("hello", env["GREETING"]);
        Assert.Equal("overridden", env["STACK"]);
        Assert.False(env.ContainsKey("LD_PRELOAD"));
        Assert.Contains("LD_PRELOAD=/evil.so", StagingFixture.Recorded(result, "envdir"), StringComparison.Ordinal);
        Assert.Contains(log.Warnings, w => w.Code == ErrorCodes.VariableNotExported && w.Message.StartsWith("LD_PRELOAD", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staging_variables_follow_the_platforms()
    {
        var app = _temp.CreateApp("my-app", ("index.txt", "hi"));

        var result = await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, "recorder"));

        var env = Env(result);
        Assert.Equal("heroku-24", env["STACK"]);
        Assert.Equal("heroku-24", env["CF_STACK"]);
        Assert.Equal("{}", env["VCAP_SERVICES"]);
        Assert.Equal("1024m", env["MEMORY_LIMIT"]);
        Assert.Equal("en_US.UTF-8", env["LANG"]);
        Assert.True(Guid.TryParse(env["REQUEST_ID"], out _));
        Assert.False(env.ContainsKey("SOURCE_VERSION"));
        using var vcap = JsonDocument.Parse(env["VCAP_APPLICATION"]);
        Assert.Equal("my-app", vcap.RootElement.GetProperty("application_name").GetString());
        Assert.Equal(1024, vcap.RootElement.GetProperty("limits").GetProperty("mem").GetInt32());
        Assert.StartsWith(Path.GetTempPath(), env["TMPDIR"], StringComparison.Ordinal);
        Assert.NotEqual(System.Environment.GetEnvironmentVariable("HOME"), env["HOME"]);
    }

    [Fact]
    public async Task The_stack_is_given_as_STACK_and_CF_STACK()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));

        var result = await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, "recorder") with { Stack = "cflinuxfs4" });

        Assert.Equal("cflinuxfs4", Env(result)["STACK"]);
        Assert.Equal("cflinuxfs4", Env(result)["CF_STACK"]);
    }

    [Fact]
    public async Task SOURCE_VERSION_is_the_apps_git_commit()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        Git(app, "init", "-q");
        Git(app, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "--allow-empty", "-m", "first");
        var head = Git(app, "rev-parse", "HEAD");

        var result = await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, "recorder"));

        Assert.Equal(head, Env(result)["SOURCE_VERSION"]);
        Assert.DoesNotContain(DropletContents.Read(result.DropletPath), e => e.Name.StartsWith("./app/.git", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1BAD")]
    [InlineData("WITH-DASH")]
    [InlineData("")]
    [InlineData("A B")]
    public async Task Invalid_variable_names_are_refused_before_anything_runs(string name)
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var request = StagingFixture.Request(_temp, app, "recorder") with { Environment = new Dictionary<string, string> { [name] = "x" } };

        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(request));

        Assert.Equal(ErrorCodes.InvalidVariableName, error.Code);
        Assert.False(File.Exists(request.OutputPath));
    }

    internal static Dictionary<string, string> Env(StagingResult result) =>
        StagingFixture.Recorded(result, "env").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.Contains('=', StringComparison.Ordinal))
            .Select(line => line.Split('=', 2))
            .GroupBy(parts => parts[0])
            .ToDictionary(g => g.Key, g => g.Last()[1]);

    internal static string Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error}");
        return output.Trim();
    }
}
