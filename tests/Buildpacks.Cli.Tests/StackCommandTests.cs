using Buildpacks.Cli.Tests.Support;

namespace Buildpacks.Cli.Tests;

/// <summary><c>buildpacks stack build</c> and <c>stack check</c> against the real engine (see <see cref="LocalContainerEngine"/>).</summary>
[Trait("Category", LocalContainerEngine.Category)]
[Collection(ContainerEngineCollection.Name)]
public sealed class StackCommandTests : IClassFixture<SampleStack>, IDisposable
{
    private readonly SampleStack _stack;
    private readonly TempDirectory _temp = new();
    private readonly IReadOnlyList<string> _before = LocalContainerEngine.Leftovers();

    public StackCommandTests(SampleStack stack) => _stack = stack;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_sample_stack_builds_two_labelled_images_with_the_stack_user()
    {
        Assert.True(_stack.Build.ExitCode == 0, CliProcess.Describe(_stack.Build));
        Assert.Contains($"Build image: {_stack.BuildImage}", _stack.Build.Output, StringComparison.Ordinal);

        var build = Inspect(_stack.BuildImage);
        var run = Inspect(_stack.RunImage);

        Assert.Equal("io.buildpacks.tasks.sample", build.Label);
        Assert.Equal("io.buildpacks.tasks.sample", run.Label);
        Assert.Contains("CNB_USER_ID=1001", build.Env, StringComparison.Ordinal);
        Assert.Contains("CNB_GROUP_ID=1001", build.Env, StringComparison.Ordinal);
        Assert.Contains("CNB_STACK_ID=io.buildpacks.tasks.sample", build.Env, StringComparison.Ordinal);
        Assert.Equal("1001:1001", build.User);
        Assert.Equal("1002:1002", run.User);

        // The user exists in the image with the stack.toml's ids and shell, and the Dockerfile's build arg arrived.
        var inside = LocalContainerEngine.Docker("run", "--rm", _stack.BuildImage, "sh", "-c", "getent passwd 1001; cat /etc/stack-build");
        Assert.Equal(0, inside.ExitCode);
        Assert.Matches(@"^cnb1001:x:1001:1001::/home/cnb1001:/bin/bash\nbuilt by buildpacks stack build$", inside.Output.Trim());
        Assert.Empty(LocalContainerEngine.Leftovers().Except(_before));
    }

    [Fact]
    public void The_build_image_is_saved_as_an_archive_the_engine_can_load()
    {
        Assert.True(_stack.Build.ExitCode == 0, CliProcess.Describe(_stack.Build));
        var listing = ChildProcess.Run("tar", ["-tf", _stack.Archive], "/");

        Assert.Equal(0, listing.ExitCode);
        Assert.Contains(listing.Lines, l => l is "manifest.json" or "index.json");
    }

    [Fact]
    public async Task Staging_in_the_built_build_image_gives_the_same_droplet_as_on_this_machine()
    {
        Assert.True(_stack.Build.ExitCode == 0, CliProcess.Describe(_stack.Build));
        var app = _temp.CreateApp("publish", ("HelloWeb.runtimeconfig.json", "{}"), ("HelloWeb.dll", "not really an assembly"));

        var host = await CliProcess.RunAsync(["stage", app, "-b", Repository.SampleBuildpack, "-o", _temp.Combine("host.tgz")]);
        var staged = await CliProcess.RunAsync(["stage", app, "-b", Repository.SampleBuildpack, "-o", _temp.Combine("container.tgz"), "--stack-image", _stack.BuildImage]);

        Assert.True(host.ExitCode == 0, CliProcess.Describe(host));
        Assert.True(staged.ExitCode == 0, CliProcess.Describe(staged));
        Assert.Contains(_stack.BuildImage, staged.Output + staged.Error, StringComparison.Ordinal);
        Assert.Equal(Sha256Line(host.Output), Sha256Line(staged.Output));
        Assert.Empty(LocalContainerEngine.Leftovers().Except(_before));
    }

    [Fact]
    public async Task A_failed_run_image_build_leaves_no_image_and_no_container()
    {
        var marker = Guid.NewGuid().ToString("N");
        var stackFile = WriteStack("io.example.failing", $"RUN echo {marker} > /marker", "RUN exit 3");
        var images = AllImages();

        var run = await CliProcess.RunAsync(["stack", "build", stackFile, "--tag", marker]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("error BPK1214: Building the stack image from '" + _temp.Combine("run.Dockerfile") + "' failed", run.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, LocalContainerEngine.Docker("image", "inspect", $"localhost/io.example.failing-build:{marker}").ExitCode);
        Assert.Equal(images, AllImages());
        Assert.Empty(LocalContainerEngine.Leftovers().Except(_before));
        Assert.Equal("", ChildProcess.Run("podman", ["ps", "--all", "--external", "--quiet"], "/").Output.Trim());
    }

    [Fact]
    public async Task A_root_uid_is_refused_before_anything_is_built_and_the_error_names_the_key()
    {
        var stackFile = WriteStack("io.example.root", "RUN true", "RUN true");
        File.WriteAllText(stackFile, File.ReadAllText(stackFile).Replace("uid = 1001", "uid = 0", StringComparison.Ordinal));
        var images = AllImages();

        var run = await CliProcess.RunAsync(["stack", "build", stackFile]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"{stackFile}: error BPK1212: The key 'build.uid' (line 4) is 0", run.Error, StringComparison.Ordinal);
        Assert.Equal(images, AllImages());
    }

    [Fact]
    public async Task Stack_check_accepts_a_builder_whose_images_and_buildpacks_match_the_stack()
    {
        Assert.True(_stack.Build.ExitCode == 0, CliProcess.Describe(_stack.Build));
        var builder = WriteBuilder("io.buildpacks.tasks.sample", _stack.BuildImage, ("one", "io.buildpacks.tasks.sample"), ("two", "*"));

        var run = await CliProcess.RunAsync(["stack", "check", builder]);

        Assert.True(run.ExitCode == 0, CliProcess.Describe(run));
        Assert.Contains("buildpacks supporting it: example/one, example/two", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("io.example.other", null, "two", "BPK1217: The key 'stack.id' (line 3) is 'io.example.other', but the build-image")]
    [InlineData("io.buildpacks.tasks.sample", "localhost/no-such-stack:none", "two", "BPK1218: The key 'stack.build-image' (line 4) 'localhost/no-such-stack:none' is not in the engine")]
    [InlineData("io.buildpacks.tasks.sample", null, "io.example.other", "BPK1219: The buildpack 'example/two' in the builder's order does not support the stack 'io.buildpacks.tasks.sample'")]
    public async Task Stack_check_names_what_does_not_match(string stackId, string? buildImage, string secondStack, string expected)
    {
        Assert.True(_stack.Build.ExitCode == 0, CliProcess.Describe(_stack.Build));
        var builder = WriteBuilder(stackId, buildImage ?? _stack.BuildImage, ("one", "*"), ("two", secondStack));

        var run = await CliProcess.RunAsync(["stack", "check", builder]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"{builder}: error {expected}", run.Error, StringComparison.Ordinal);
    }

    private string WriteStack(string id, string buildStep, string runStep)
    {
        _temp.Write("build.Dockerfile", $"FROM {LocalContainerEngine.StackImage}\n{buildStep}\n");
        _temp.Write("run.Dockerfile", $"FROM {LocalContainerEngine.StackImage}\n{runStep}\n");
        return _temp.Write("stack.toml", $"""
            id = "{id}"
            [build]
            dockerfile = "build.Dockerfile"
            uid = 1001
            gid = 1001
            [run]
            dockerfile = "run.Dockerfile"
            uid = 1001
            gid = 1001
            """);
    }

    private string WriteBuilder(string stackId, string buildImage, params (string Name, string Stack)[] buildpacks)
    {
        var text = $"""

            [stack]
            id = "{stackId}"
            build-image = "{buildImage}"
            run-image = "{_stack.RunImage}"

            """;
        foreach (var (name, stack) in buildpacks)
        {
            _temp.Write($"{name}/buildpack.toml", $"api = \"0.7\"\n[buildpack]\nid = \"example/{name}\"\nversion = \"1.0.0\"\n[[stacks]]\nid = \"{stack}\"\n");
            text += $"[[buildpacks]]\nuri = \"./{name}\"\n";
        }

        text += "[[order]]\n" + string.Concat(buildpacks.Select(b => $"[[order.group]]\nid = \"example/{b.Name}\"\n"));
        return _temp.Write("builder.toml", text);
    }

    private static List<string> AllImages() => [.. LocalContainerEngine.Docker("images", "--all", "--quiet", "--no-trunc").Lines.Where(l => l.Length > 0).Order(StringComparer.Ordinal)];

    private static (string Label, string Env, string User) Inspect(string image)
    {
        var result = LocalContainerEngine.Docker("image", "inspect", "--format", "{{ index .Config.Labels \"io.buildpacks.stack.id\" }}|{{ json .Config.Env }}|{{ .Config.User }}", image);
        Assert.True(result.ExitCode == 0, result.Output);
        var parts = result.Output.Trim().Split('|');
        return (parts[0], parts[1], parts[2]);
    }

    private static string Sha256Line(string output) =>
        output.Split('\n').Single(line => line.TrimStart().StartsWith("sha256:", StringComparison.Ordinal)).Trim();
}
