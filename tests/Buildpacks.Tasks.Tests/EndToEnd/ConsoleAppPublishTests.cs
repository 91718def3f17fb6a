using System.Text.RegularExpressions;
using Buildpacks.Tasks.Tests.Support;

namespace Buildpacks.Tasks.Tests.EndToEnd;

[Trait("Category", "EndToEnd")]
[Collection(nameof(EndToEndCollection))]
public sealed partial class ConsoleAppPublishTests(PackagedTasks packaged) : IDisposable
{
    private const string SkippedStaging = "Skipping target \"_StageBuildpackDropletIfChanged\" because all output files are up-to-date";
    private const string RanStaging = "Building target \"_StageBuildpackDropletIfChanged\" completely";

    private readonly PublishedApp _app = packaged.ConsoleApp;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    // actions/setup-dotnet's problem matcher (.github/csc.json): what CI turns into an annotation.
    [GeneratedRegex(@"^([^\s].*)\((\d+)(?:,\d+|,\d+,\d+)?\):\s+(error|warning)\s+([a-zA-Z]+(?<!MSB)\d+):\s*(.*?)\s+\[(.*?)\]$", RegexOptions.Multiline)]
    private static partial Regex ProblemMatcher();

    [GeneratedRegex(@"GeneratedDroplet: (?<path>[^|]*)\|(?<sha>[^|]*)\|(?<size>[^|]*)\|(?<buildpack>[^|]*)\|(?<types>.*)$", RegexOptions.Multiline)]
    private static partial Regex GeneratedDropletLine();

    [Fact]
    public void Publish_stages_the_droplet_with_the_project_s_items()
    {
        var output = _app.FirstPublish.Output;
        Assert.Contains($"HelloConsole -> {_app.Droplet}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("compiling app", output, StringComparison.Ordinal);

        var entries = DropletContents.Texts(_app.FirstDroplet);
        Assert.Contains("./app/HelloConsole.dll", entries.Keys);
        Assert.Equal("data 1", entries["./app/data.txt"]);
        Assert.Contains("GREETING=hello\n", entries["./app/.recorded/envdir"], StringComparison.Ordinal);
        Assert.Contains("\"worker\": \"dotnet HelloConsole.dll --worker\"", entries["./staging_info.yml"], StringComparison.Ordinal);
        Assert.DoesNotContain(entries.Keys, name => name.Contains("Buildpacks.Tasks", StringComparison.Ordinal) || name.Contains("YamlDotNet", StringComparison.Ordinal));

        var item = GeneratedDropletLine().Match(output);
        Assert.True(item.Success, output);
        Assert.Equal(_app.Droplet, item.Groups["path"].Value);
        Assert.Equal(Buildpacks.Core.Droplets.DropletInspector.Sha256Of(_app.FirstDroplet), item.Groups["sha"].Value);
        Assert.Equal(new FileInfo(_app.FirstDroplet).Length.ToString(System.Globalization.CultureInfo.InvariantCulture), item.Groups["size"].Value);
        Assert.Equal("recorder", item.Groups["buildpack"].Value);
        Assert.Equal("web=recorder-web --marker=written-by-compile;worker=dotnet HelloConsole.dll --worker", item.Groups["types"].Value);
    }

    [Fact]
    public void Republish_skips_staging_until_a_published_file_an_env_item_or_a_property_changes()
    {
        // Another test may have published with other settings: settle first.
        Assert.Equal(0, _app.Publish().ExitCode);
        var bytes = File.ReadAllBytes(_app.Droplet);
        var written = File.GetLastWriteTimeUtc(_app.Droplet);

        var unchanged = _app.Publish("-v:d");
        Assert.Equal(0, unchanged.ExitCode);
        Assert.Contains(SkippedStaging, unchanged.Output, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(_app.Droplet));
        Assert.Equal(written, File.GetLastWriteTimeUtc(_app.Droplet));
        Assert.Matches(GeneratedDropletLine(), unchanged.Output);

        File.WriteAllText(Path.Combine(_app.Directory, "data.txt"), "data 2");
        var fileChanged = _app.Publish("-v:d");
        Assert.Contains(RanStaging, fileChanged.Output, StringComparison.Ordinal);
        Assert.Equal("data 2", DropletContents.TextOf(_app.Droplet, "./app/data.txt"));

        var envChanged = _app.Publish("-v:d", "-p:Greeting=bye");
        Assert.Contains(RanStaging, envChanged.Output, StringComparison.Ordinal);
        Assert.Contains("GREETING=bye\n", DropletContents.TextOf(_app.Droplet, "./app/.recorded/envdir"), StringComparison.Ordinal);

        var propertyChanged = _app.Publish("-v:d", "-p:Greeting=bye", "-p:BuildpackStack=cflinuxfs4");
        Assert.Contains(RanStaging, propertyChanged.Output, StringComparison.Ordinal);
        Assert.Contains("STACK=cflinuxfs4\n", DropletContents.TextOf(_app.Droplet, "./app/.recorded/env"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_buildpack_fails_publish_with_an_annotated_error_on_its_script()
    {
        var buildpack = _temp.CreateBuildpack("failing", ("compile", "echo 'about to fail'\necho 'the reason' >&2\nexit 3"));
        var droplet = _temp.Combine("failed.droplet.tgz");

        var result = _app.Publish("-p:Buildpack=" + buildpack, "-p:BuildpackDropletPath=" + droplet);

        Assert.NotEqual(0, result.ExitCode);
        var annotation = ProblemMatcher().Match(result.Output);
        Assert.True(annotation.Success, result.Output);
        Assert.Equal(Path.Combine(buildpack, "bin", "compile"), annotation.Groups[1].Value);
        Assert.Equal("error", annotation.Groups[3].Value);
        Assert.Equal("BPK1021", annotation.Groups[4].Value);
        Assert.Equal(_app.ProjectFile, annotation.Groups[6].Value);
        Assert.Contains("  the reason", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(droplet));
    }

    [Fact]
    public void Buildpack_lines_in_compiler_error_form_neither_fail_the_build_nor_become_annotations()
    {
        const string lines = """
            error CS1234: injected compiler error
            foo.cs(1,1): warning XY1: injected warning [/x/App.csproj]
            /src/a.cs(10,5): error CS1002: injected error [/x/App.csproj]
            MSBUILD : error MSB1009: injected msbuild error
            EXEC : error : injected exec error
            """;
        var script = string.Join('\n', lines.Split('\n').Select(line => $"echo '{line}'\necho '  {line}' >&2"));
        var buildpack = _temp.CreateBuildpack("compiler-noise", ("compile", script), ("release", "echo 'default_process_types: {web: noise}'"));
        var droplet = _temp.Combine("noise.droplet.tgz");

        // -v:n shows buildpack lines; -v:diag indents them the same way, so the problem matcher's first column stays blank there too.
        var result = _app.Publish("-v:n", "-p:Buildpack=" + buildpack, "-p:BuildpackDropletPath=" + droplet);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("0 Warning(s)", result.Output, StringComparison.Ordinal);
        Assert.Contains("0 Error(s)", result.Output, StringComparison.Ordinal);
        Assert.Contains("error CS1234: injected compiler error", result.Output, StringComparison.Ordinal);
        Assert.Contains("/src/a.cs(10,5): error CS1002: injected error [/x/App.csproj]", result.Output, StringComparison.Ordinal);
        Assert.False(ProblemMatcher().IsMatch(result.Output), result.Output);
        Assert.True(File.Exists(droplet));
    }

    [Fact]
    public void Ctrl_C_stops_the_buildpack_s_processes_and_leaves_no_droplet()
    {
        var pidFile = _temp.Combine("pids");
        var droplet = _temp.Combine("slow.droplet.tgz");
        using var publish = _app.StartPublish("-v:n", "-p:Buildpack=" + Repository.FixtureBuildpack("slow"), "-p:SlowPidFile=" + pidFile, "-p:BuildpackDropletPath=" + droplet, "-p:BuildpackTimeout=120s");
        Assert.True(publish.WaitForOutput("slow compile started", TimeSpan.FromMinutes(3)), publish.Output);
        var pids = ProcessState.WithVariable("SLOW_PID_FILE", pidFile);

        publish.Interrupt();
        var result = publish.WaitForExit();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error BPK1041", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(droplet));
        Assert.True(pids.Count >= 2, $"found {pids.Count} processes of the compile while it ran");
        Assert.All(pids, pid => Assert.False(ProcessState.IsRunning(pid), $"process {pid} still runs"));
    }
}
