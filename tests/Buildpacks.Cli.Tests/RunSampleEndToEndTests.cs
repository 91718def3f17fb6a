using System.Diagnostics;
using Buildpacks.Cli.Tests.Support;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Cli.Tests;

/// <summary>
/// What a new user does: publish the sample, 'buildpacks stage' it, 'buildpacks run' the droplet on a port, open it
/// in a browser (here: an HTTP GET), stop it with a signal. The real command runs as a process of its own.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class RunSampleEndToEndTests(PublishedSample sample) : IClassFixture<PublishedSample>
{
    [Fact]
    public async Task Stage_then_run_serves_the_sample_on_the_given_port_until_stopped()
    {
        var droplet = sample.Temp.Combine("HelloWeb.droplet.tgz");
        var (stageExit, stageOutput, stageError) = await InProcessCli.InProcessAsync(
            "stage", sample.PublishDirectory, "--buildpack", Repository.SampleBuildpack, "--output", droplet);
        Assert.True(stageExit == 0, stageOutput + stageError);
        var port = FreePort.Next();

        using var cli = CliProcess.Start(["run", droplet, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dir", sample.Temp.Combine("run"), "--log-format", "plain"]);
        var output = cli.StandardOutput.ReadToEndAsync();
        var error = cli.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var body = await GetWhenUpAsync(http, $"http://127.0.0.1:{port}/", cli);
            Assert.Equal("Hello from a buildpack droplet!", body);

            InProcessCli.Signal(cli, "TERM");
            await cli.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            if (!cli.HasExited)
            {
                cli.Kill(entireProcessTree: true);
            }
        }

        Assert.True(cli.ExitCode == 0, $"exit {cli.ExitCode}\n{await output}\n{await error}");
        Assert.Contains("web exited with code 0", await output, StringComparison.Ordinal);
    }

    private static async Task<string> GetWhenUpAsync(HttpClient http, string url, Process cli)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            Assert.False(cli.HasExited, $"buildpacks run exited early with {(cli.HasExited ? cli.ExitCode : 0)}");
            try
            {
                return await http.GetStringAsync(url);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    [Fact]
    public async Task The_published_sample_stages_into_a_cf_droplet_with_a_web_process_and_the_same_sha_twice()
    {
        var first = sample.Temp.Combine("first.tgz");
        var second = sample.Temp.Combine("second.tgz");

        var one = await CliProcess.RunAsync(["stage", sample.PublishDirectory, "--buildpack", Repository.SampleBuildpack, "--output", first]);
        var two = await CliProcess.RunAsync(["stage", sample.PublishDirectory, "--buildpack", Repository.SampleBuildpack, "--output", second, "--cache-dir", sample.Temp.Combine("cache")]);

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
}
