using System.Diagnostics;
using Buildpacks.Cli.Tests.Support;
using Buildpacks.Core.Droplets;
using Buildpacks.Core.Tests.Ci.Runners;
using Buildpacks.Core.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Buildpacks.Cli.Tests;

/// <summary>The composite action and the sample pipelines: valid YAML of the expected shape, and the action's script run for real.</summary>
public sealed class CiFilesTests : IDisposable
{
    private static readonly string Action = Path.Combine(Repository.Root, "src", "actions", "stage", "action.yml");
    private static readonly string GitHubSample = Path.Combine(Repository.Root, "samples", "ci", "github-actions.yml");
    private static readonly string AzureSample = Path.Combine(Repository.Root, "samples", "ci", "azure-pipelines.yml");

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_action_is_a_composite_with_the_documented_inputs_and_outputs_from_the_stage_step()
    {
        var action = Load(Action);

        Assert.Equal("composite", Scalar(action, "runs", "using"));
        var inputs = Map(action, "inputs");
        Assert.Equal(
            ["app-dir", "buildpacks", "candidates", "output", "cache-dir", "cache-key", "layout", "stack", "env", "secret-env", "tool-version", "tool-source"],
            inputs.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Equal("true", Scalar(action, "inputs", "app-dir", "required"));
        Assert.Equal("${{ steps.stage.outputs.droplet }}", Scalar(action, "outputs", "droplet", "value"));
        Assert.Equal("${{ steps.stage.outputs.sha256 }}", Scalar(action, "outputs", "sha256", "value"));
        var steps = Steps(action, "runs", "steps");
        Assert.Contains(steps, step => Scalar(step, "uses") == "actions/cache@v4" && Scalar(step, "with", "path") == "${{ inputs.cache-dir }}");
        Assert.Contains(steps, step => Scalar(step, "id") == "stage");
        Assert.All(steps.Where(step => Find(step, "run") is not null), step => Assert.Equal("bash", Scalar(step, "shell")));
    }

    [Theory]
    [InlineData("src/actions/stage/action.yml")]
    [InlineData("samples/ci/github-actions.yml")]
    public void No_script_pastes_an_expression_into_shell_code(string file)
    {
        // An input or event value pasted into a run script is run as shell code; scripts read them from env instead.
        var scripts = AllSteps(Load(Path.Combine(Repository.Root, file))).Select(step => Scalar(step, "run")).OfType<string>().ToList();

        Assert.NotEmpty(scripts);
        Assert.All(scripts, script => Assert.DoesNotContain("${{", script, StringComparison.Ordinal));
    }

    [Fact]
    public void The_GitHub_sample_stages_with_the_action_and_reads_its_outputs()
    {
        var steps = Steps(Load(GitHubSample), "jobs", "stage", "steps");

        var stage = Assert.Single(steps, step => Scalar(step, "uses") == "./src/actions/stage");
        Assert.Equal("stage", Scalar(stage, "id"));
        Assert.Equal("out/publish", Scalar(stage, "with", "app-dir"));
        Assert.Equal(".buildpacks-cache", Scalar(stage, "with", "cache-dir"));
        Assert.Contains(steps, step => Find(step, "env") is YamlMappingNode env && env.Children.Values.OfType<YamlScalarNode>().Any(v => v.Value == "${{ steps.stage.outputs.sha256 }}"));
    }

    [Fact]
    public void The_Azure_sample_caches_the_buildpack_cache_with_Cache_2_and_stages_into_it()
    {
        var pipeline = Load(AzureSample);
        var steps = Steps(pipeline, "steps");

        var cache = Assert.Single(steps, step => Scalar(step, "task") == "Cache@2");
        Assert.Equal("$(BUILDPACKS_CACHE)", Scalar(cache, "inputs", "path"));
        Assert.StartsWith("buildpacks | \"$(Agent.OS)\"", Scalar(cache, "inputs", "restoreKeys"), StringComparison.Ordinal);
        var stage = Assert.Single(steps, step => Scalar(step, "name") == "stage");
        Assert.Contains("--cache-dir \"$(BUILDPACKS_CACHE)\"", Scalar(stage, "script"), StringComparison.Ordinal);
        Assert.Contains(steps, step => Scalar(step, "script")?.Contains("$(stage.sha256)", StringComparison.Ordinal) == true);
    }

    [Fact]
    [Trait("Category", "EndToEnd")]
    public void The_action_s_stage_script_passes_every_input_to_the_tool_and_fills_the_step_outputs()
    {
        // The runner runs a step's script with bash and its env: do the same, with the tool the install step would find.
        var script = Scalar(Steps(Load(Action), "runs", "steps").Single(step => Scalar(step, "id") == "stage"), "run")!;
        var runnerTemp = Directory.CreateDirectory(_temp.Combine("runner-temp")).FullName;
        var tool = Path.Combine(runnerTemp, "buildpacks");
        File.WriteAllText(tool, $"#!/usr/bin/env bash\nexec dotnet '{CliProcess.ToolPath}' \"$@\"\n");
        File.SetUnixFileMode(tool, File.GetUnixFileMode(tool) | UnixFileMode.UserExecute);
        var app = _temp.CreateApp("my app", ("recorder.txt", "x"));
        var outputs = _temp.Combine("github-output");
        var droplet = _temp.Combine("out dir", "app.droplet.tgz");

        var run = RunBash(script, new()
        {
            ["RUNNER_TEMP"] = runnerTemp, ["BUILDPACKS_TOOL"] = tool, ["GITHUB_OUTPUT"] = outputs,
            ["APP_DIR"] = app, ["BUILDPACKS"] = "", ["CANDIDATES"] = Repository.FixtureBuildpack("never") + "\r\n" + Repository.FixtureBuildpack("recorder") + "\n",
            ["OUTPUT"] = droplet, ["CACHE_DIR"] = _temp.Combine("cache"), ["LAYOUT"] = "heroku", ["STACK"] = "cflinuxfs4",
            ["ENV_LINES"] = "API_TOKEN=tok-123456\nLICENSE_BLOB=lic-secret-9 $(touch /tmp/never)", ["SECRET_ENV"] = "LICENSE_BLOB\n",
        });

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(Buildpacks.Core.Staging.DropletLayout.Heroku, DropletInspector.Inspect(droplet).Layout);
        Assert.Equal([("droplet", droplet), ("sha256", DropletInspector.Sha256Of(droplet))], GitHubOutputFile.Read(File.ReadAllText(outputs)));
        Assert.True(Directory.Exists(_temp.Combine("cache")));
        var runner = GitHubRunnerModel.Read(run.Output);
        Assert.Equal(["lic-secret-9 $(touch /tmp/never)", "tok-123456"], runner.Masks.Order(StringComparer.Ordinal));
        Assert.Contains(runner.Commands, c => c.Name == "group" && c.Data == "compile (recorder)");
        Assert.Empty(Directory.GetFiles(runnerTemp, "buildpacks-env.*"));
        var recorded = DropletContents.Read(droplet);
        Assert.Contains("STACK=cflinuxfs4\n", recorded.Single(entry => entry.Name.EndsWith("/.recorded/env", StringComparison.Ordinal)).Text, StringComparison.Ordinal);
        Assert.Contains("LICENSE_BLOB=lic-secret-9 $(touch /tmp/never)\n", recorded.Single(entry => entry.Name.EndsWith("/.recorded/envdir", StringComparison.Ordinal)).Text, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output) RunBash(string script, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash", ["-e", "-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(file);
        stream.Load(reader);
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    private static YamlNode? Find(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    private static string? Scalar(YamlNode node, params string[] path) => (Find(node, path) as YamlScalarNode)?.Value;

    private static YamlMappingNode Map(YamlNode node, params string[] path) => Assert.IsType<YamlMappingNode>(Find(node, path));

    private static List<YamlMappingNode> Steps(YamlNode node, params string[] path) =>
        [.. Assert.IsType<YamlSequenceNode>(Find(node, path)).Children.Cast<YamlMappingNode>()];

    private static IEnumerable<YamlMappingNode> AllSteps(YamlMappingNode root) =>
        Find(root, "jobs") is YamlMappingNode jobs
            ? jobs.Children.Values.SelectMany(job => Steps(job, "steps"))
            : Steps(root, "runs", "steps");
}
