using System.Diagnostics;
using Buildpacks.Cli.Tests.Support;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Cli.Tests;

/// <summary>The README's promise: the sample app, published for real, stages into a CF droplet with a web process.</summary>
[Trait("Category", "EndToEnd")]
public sealed class SampleStagingTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_published_sample_stages_into_a_cf_droplet_with_a_web_process_and_the_same_sha_twice()
    {
        // A copy of the project: other tests may publish the sample at the same time, and obj/ is not shareable.
        var project = _temp.Combine("HelloWeb");
        Directory.CreateDirectory(project);
        foreach (var file in new[] { "HelloWeb.csproj", "Program.cs" })
        {
            File.Copy(Path.Combine(Repository.Root, "samples", "HelloWeb", file), Path.Combine(project, file));
        }

        var publish = _temp.Combine("publish");
        Publish(Path.Combine(project, "HelloWeb.csproj"), publish);
        var first = _temp.Combine("first.tgz");
        var second = _temp.Combine("second.tgz");

        var one = await CliProcess.RunAsync(["stage", publish, "--buildpack", Repository.SampleBuildpack, "--output", first]);
        var two = await CliProcess.RunAsync(["stage", publish, "--buildpack", Repository.SampleBuildpack, "--output", second, "--cache-dir", _temp.Combine("cache")]);

        Assert.True(one.ExitCode == 0, CliProcess.Describe(one));
        Assert.True(two.ExitCode == 0, CliProcess.Describe(two));
        var entries = DropletContents.ByName(first);
        foreach (var name in new[] { "./app/", "./app/HelloWeb.dll", "./app/HelloWeb.runtimeconfig.json", "./app/.profile.d/dotnet.sh", "./deps/", "./profile.d/", "./tmp/", "./logs/", "./staging_info.yml" })
        {
            Assert.True(entries.ContainsKey(name), name + " missing");
        }

        Assert.Contains("\"web\": \"dotnet HelloWeb.dll\"", entries["./staging_info.yml"].Text, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_URLS=\"http://0.0.0.0:${PORT:-8080}\"", entries["./app/.profile.d/dotnet.sh"].Text, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    private static void Publish(string project, string output)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", project, "-c", "Release", "-o", output, "-p:UseAppHost=false" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"dotnet publish failed:\n{stdout.Result}\n{stderr}");
    }
}
