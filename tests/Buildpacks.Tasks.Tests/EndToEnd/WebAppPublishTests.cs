using System.Diagnostics;
using Buildpacks.Tasks.Tests.Support;

namespace Buildpacks.Tasks.Tests.EndToEnd;

[Trait("Category", "EndToEnd")]
[Collection(nameof(EndToEndCollection))]
public sealed class WebAppPublishTests(PackagedTasks packaged) : IDisposable
{
    private readonly PublishedApp _app = packaged.WebApp;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_sample_buildpack_stages_a_droplet_whose_web_process_serves_the_app()
    {
        var entries = DropletContents.Texts(_app.FirstDroplet);
        Assert.Contains("./app/HelloWeb.dll", entries.Keys);
        Assert.Contains("./app/.profile.d/dotnet.sh", entries.Keys);
        // Written by the SDK after Publish itself: staging must come after it.
        Assert.Contains("./app/web.config", entries.Keys);
        Assert.Contains("\"start_command\": \"dotnet HelloWeb.dll\"", entries["./staging_info.yml"], StringComparison.Ordinal);

        var home = _temp.Combine("home");
        DropletContents.Extract(_app.FirstDroplet, home);
        var port = FreePort.Next();
        // What Cloud Foundry's launcher does: cd app, source profile.d scripts, exec the start command.
        using var web = new RunningProcess(
            "bash",
            ["-c", "cd \"$HOME\" && for f in ../profile.d/*.sh .profile.d/*.sh; do [ -f \"$f\" ] && . \"$f\"; done; exec bash -c 'dotnet HelloWeb.dll'"],
            home,
            new Dictionary<string, string?> { ["HOME"] = Path.Combine(home, "app"), ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal("Hello World!", Get($"http://127.0.0.1:{port}/", web));
    }

    [Fact]
    public void Republish_does_no_staging_work_and_clean_removes_the_droplet()
    {
        var written = File.GetLastWriteTimeUtc(_app.Droplet);

        var again = _app.Publish("-v:n");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Skipping target \"_StageBuildpackDropletIfChanged\" because all output files are up-to-date", again.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Preparing the published .NET app", again.Output, StringComparison.Ordinal);
        Assert.Equal(written, File.GetLastWriteTimeUtc(_app.Droplet));

        var clean = packaged.DotNet.Run(_app.Directory, ["clean", "-c", "Release", .. DotNetCli.NoServers]);

        Assert.Equal(0, clean.ExitCode);
        Assert.False(File.Exists(_app.Droplet));
        Assert.True(File.Exists(Path.Combine(_app.Directory, "obj", "Release", "net10.0", "buildpack-cache", "last-compile")));
    }

    private static string Get(string url, RunningProcess server)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                return client.GetStringAsync(new Uri(url)).GetAwaiter().GetResult();
            }
            catch (HttpRequestException)
            {
                Thread.Sleep(250);
            }
        }

        throw new TimeoutException($"{url} did not answer; the app printed:\n{server.Output}");
    }
}
