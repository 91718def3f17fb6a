using System.Diagnostics;
using Buildpacks.Cli.Tests.Support;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Cli.Tests;

/// <summary><c>buildpacks stage</c> with a compile that makes a fifo: this used to hang packing, deaf to --timeout and signals.</summary>
[Trait("Category", "EndToEnd")]
public sealed class SpecialFileCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_compile_that_makes_a_fifo_stages_with_a_warning_and_the_fifo_is_not_in_the_droplet()
    {
        var buildpack = _temp.CopyBuildpack("recorder");
        File.WriteAllText(Path.Combine(buildpack, "bin", "compile"), "#!/usr/bin/env bash\nmkfifo \"$1/pipe\"\necho made a fifo\n");
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var droplet = _temp.Combine("out", "app.droplet.tgz");

        var run = await CliProcess.RunAsync(["stage", app, "-b", buildpack, "-o", droplet, "--timeout", "60s"]);

        Assert.True(run.ExitCode == 0, CliProcess.Describe(run));
        Assert.Contains("warning BPK1091", run.Output + run.Error, StringComparison.Ordinal);
        Assert.Contains("'app/pipe' (a fifo)", run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("./app/pipe", DropletContents.Read(droplet).Select(e => e.Name));
        Assert.Equal([Path.GetFileName(droplet)], Directory.GetFiles(Path.GetDirectoryName(droplet)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task An_app_with_a_fifo_stages_and_leaves_the_fifo_where_it_was()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(app, "pipe")])!)
        {
            await mkfifo.WaitForExitAsync();
        }

        var droplet = _temp.Combine("out", "app.droplet.tgz");

        var run = await CliProcess.RunAsync(["stage", app, "-b", Repository.FixtureBuildpack("recorder"), "-o", droplet]);

        Assert.True(run.ExitCode == 0, CliProcess.Describe(run));
        Assert.Contains($"{app}: warning BPK1091", run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("./app/pipe", DropletContents.Read(droplet).Select(e => e.Name));
        Assert.True(File.Exists(Path.Combine(app, "pipe")));
    }
}
