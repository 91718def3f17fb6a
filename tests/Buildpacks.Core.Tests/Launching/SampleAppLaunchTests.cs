using Buildpacks.Core.Launching;
using Buildpacks.Core.Staging;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Launching;

/// <summary>
/// The sample app, published for real and staged with the sample buildpack plus a supply buildpack that leaves
/// exec.d programs, served on a loopback port by the real launcher. One launch covers it all: ASP.NET starts slowly.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class SampleAppLaunchTests(PublishedSample sample) : IClassFixture<PublishedSample>
{
    [Fact]
    public async Task Serves_the_sample_with_the_variables_its_exec_d_programs_set()
    {
        var staged = await BuildpackEngine.Default.StageAsync(
            new StagingRequest
            {
                AppDirectory = sample.PublishDirectory,
                OutputPath = sample.Temp.Combine("out", "HelloWeb.droplet.tgz"),
                Buildpacks = [Repository.FixtureBuildpack("supply-execd"), Repository.SampleBuildpack],
            },
            new RecordingLog());
        var port = FreePort.Next();
        var log = new RecordingLaunchLog();
        var request = new LaunchRequest { DropletPath = staged.DropletPath, Port = port, RunDirectory = sample.Temp.Combine("run") };

        var launched = await new Launcher().StartAsync(request, log);
        await using (launched)
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            var body = await GetWhenUpAsync(http, launched, log);

            Assert.Equal("Hello from a buildpack droplet!", body);
            Assert.Equal("test", await http.GetStringAsync("/env/EXAMPLE"));
            Assert.Equal("web", await http.GetStringAsync("/env/ONLY_WEB"));
            Assert.Equal("", await http.GetStringAsync("/env/ONLY_WORKER"));
            Assert.EndsWith("/deps/0/exec.d/link-name", await http.GetStringAsync("/env/EXEC_D_ARGV0"), StringComparison.Ordinal);
            Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), await http.GetStringAsync("/env/PORT"));
            Assert.Equal(launched.AppDirectory, await http.GetStringAsync("/env/HOME"));

            // SIGTERM: ASP.NET shuts down gracefully and exits 0.
            Assert.Equal(0, await launched.StopAsync());
        }

        Assert.Contains(log.Output, line => line.Contains("Application is shutting down", StringComparison.Ordinal));
    }

    private static async Task<string> GetWhenUpAsync(HttpClient http, LaunchedProcess launched, RecordingLaunchLog log)
    {
        var deadline = DateTime.UtcNow + LaunchRunner.ExitTimeout;
        while (true)
        {
            Assert.False(launched.Exited.IsCompleted, "the app exited early:\n" + string.Join('\n', log.Output.Concat(log.Errors)));
            try
            {
                return await http.GetStringAsync("/");
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
