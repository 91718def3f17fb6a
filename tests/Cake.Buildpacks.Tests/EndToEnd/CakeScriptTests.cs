using System.Diagnostics;
using Buildpacks.Core.Droplets;
using Buildpacks.Core.Tests.Support;
using Cake.Buildpacks.Tests.Support;

namespace Cake.Buildpacks.Tests.EndToEnd;

/// <summary>Cake scripts that load the packed addin from a local feed, run by the real <c>dotnet cake</c>.</summary>
[Trait("Category", "EndToEnd")]
[Collection(CakeRunnerCollection.Name)]
public sealed class CakeScriptTests(AddinFeed feed) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_script_detects_stages_and_inspects_with_the_packed_addin()
    {
        _temp.CreateApp("app", ("recorder.txt", "x"));
        var script = WriteScript($$"""
            var report = BuildpackDetect("app", "{{Fixture("never")}}", "{{Fixture("recorder")}}");
            Information("DETECTED {0}", report.WinnerName);
            var result = BuildpackStage("app", new BuildpackStageSettings()
                .WithCandidate("{{Fixture("never")}}")
                .WithCandidate("{{Fixture("recorder")}}")
                .SetDropletPath("out/app.droplet.tgz"));
            Information("STAGED {0} {1}", result.DropletPath, result.Sha256);
            foreach (var process in result.ProcessTypes)
            {
                Information("PROCESS {0}: {1}", process.Key, process.Value);
            }

            var info = DropletInspect(result.DropletPath);
            Information("INSPECTED {0} {1}", info.Layout, info.Sha256);
            """);

        var run = feed.RunCake(script);

        Assert.True(run.ExitCode == 0, run.Output);
        var droplet = _temp.Combine("out", "app.droplet.tgz");
        var sha256 = DropletInspector.Sha256Of(droplet);
        Assert.Contains("DETECTED Recorder", run.Lines);
        Assert.Contains($"STAGED {droplet} {sha256}", run.Lines);
        Assert.Contains("PROCESS web: recorder-web --marker=written-by-compile", run.Lines);
        Assert.Contains($"INSPECTED CloudFoundry {sha256}", run.Lines);
        Assert.Contains("       compiling app", run.Lines);
        Assert.Contains("       a warning on stderr", run.Lines);
    }

    [Fact]
    public void A_failing_buildpack_fails_the_script_with_the_code_in_its_output()
    {
        _temp.CreateApp("app", ("recorder.txt", "x"), ("fail-compile", ""));
        var script = WriteScript($$"""
            Task("Stage").Does(() =>
            {
                BuildpackStage("app", new BuildpackStageSettings().WithBuildpack("{{Fixture("recorder")}}").SetDropletPath("app.droplet.tgz"));
            });

            RunTarget("Stage");
            """);

        var run = feed.RunCake(script);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(run.Lines, line => line.Contains("BPK1021: bin/compile of buildpack 'recorder' failed with exit code 7", StringComparison.Ordinal));
        Assert.Contains("       compile failed on purpose", run.Lines);
        Assert.False(File.Exists(_temp.Combine("app.droplet.tgz")));
    }

    [Fact]
    public void Ctrl_C_stops_the_buildpack_scripts_and_fails_with_the_cancelled_code()
    {
        _temp.CreateApp("app", ("index.txt", "x"));
        var pidFile = _temp.Combine("pids");
        var script = WriteScript($$"""
            BuildpackStage("app", new BuildpackStageSettings()
                .WithBuildpack("{{Fixture("slow")}}")
                .WithEnvironmentVariable("SLOW_PID_FILE", "{{pidFile}}")
                .SetDropletPath("app.droplet.tgz"));
            """);

        // A terminal sends SIGINT to its foreground process group; the buildpack's scripts are in a group of their own.
        var pids = new List<int>();
        var run = feed.RunCake(script, Interrupt, ownProcessGroup: true);

        Assert.Equal(130, run.ExitCode);
        Assert.Contains(run.Lines, line => line.Contains("BPK1041: Staging was cancelled", StringComparison.Ordinal));
        Assert.False(File.Exists(_temp.Combine("app.droplet.tgz")));
        Assert.True(pids.Count >= 2, $"found {pids.Count} processes of the compile while it ran");
        Assert.All(pids, pid => Assert.False(ProcessState.IsRunning(pid), $"buildpack process {pid} outlived the script"));

        void Interrupt(Process cake, string line)
        {
            if (line.EndsWith("slow compile started", StringComparison.Ordinal))
            {
                pids.AddRange(ProcessState.WithVariable("SLOW_PID_FILE", pidFile));
                using var kill = Process.Start("kill", ["-INT", "--", "-" + cake.Id]);
                kill.WaitForExit();
            }
        }
    }

    [Fact]
    public void The_package_bundles_the_engine_and_its_docs_and_depends_on_nothing()
    {
        using var package = System.IO.Compression.ZipFile.OpenRead(feed.PackagePath);
        var lib = package.Entries.Where(e => e.FullName.StartsWith("lib/", StringComparison.Ordinal)).Select(e => e.FullName).Order();
        using var nuspecStream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var nuspec = System.Xml.Linq.XDocument.Load(nuspecStream);
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");

        Assert.Equal(
            ["lib/net10.0/Buildpacks.Core.dll", "lib/net10.0/Cake.Buildpacks.dll", "lib/net10.0/Cake.Buildpacks.xml", "lib/net10.0/Microsoft.Extensions.FileSystemGlobbing.dll", "lib/net10.0/Tomlyn.dll", "lib/net10.0/YamlDotNet.dll"],
            lib);
        Assert.DoesNotContain(metadata.Descendants(), e => e.Name.LocalName == "dependency");
        var tags = metadata.Elements().Single(e => e.Name.LocalName == "tags").Value.Split(' ');
        Assert.Contains("cake-addin", tags);
        Assert.Contains("buildpacks", tags);
    }

    [Fact]
    public void DropletRun_starts_the_droplet_with_its_environment_and_the_handle_stops_it()
    {
        _temp.CreateApp("app", ("Procfile", "web: echo \"PORT=$PORT EXAMPLE=$EXAMPLE\"; exec sleep 300\nworker: exit 26\n"));
        var script = WriteScript($$"""
            var result = BuildpackStage("app", new BuildpackStageSettings().WithBuildpack("{{Fixture("recorder")}}").SetDropletPath("app.droplet.tgz"));
            using (var app = DropletRun(result.DropletPath, new DropletRunSettings().SetPort(9123).WithEnvironmentVariable("EXAMPLE", "from-cake").SetRunDirectory("run")))
            {
                Information("PID {0}", app.ProcessId);
                Information("STILL RUNNING {0}", app.WaitForExit(TimeSpan.FromSeconds(2)) == null && app.IsRunning);
                Information("LISTENING {0}", app.WaitUntilListening(TimeSpan.FromSeconds(1)));
                Information("URL {0}", app.Url);
                Information("STOPPED {0}", app.Stop(TimeSpan.FromSeconds(5)));
            }

            var worker = DropletRun(result.DropletPath, new DropletRunSettings().SetProcessType("worker").SetRunDirectory("run"));
            Information("WORKER EXITED {0}", worker.WaitForExit(TimeSpan.FromSeconds(30)));
            """);

        var run = feed.RunCake(script);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("       PORT=9123 EXAMPLE=from-cake", run.Lines);
        Assert.Contains("STILL RUNNING True", run.Lines);
        Assert.Contains("LISTENING False", run.Lines); // sleep listens on nothing
        Assert.Contains("URL http://127.0.0.1:9123/", run.Lines);
        Assert.Contains("STOPPED 143", run.Lines);
        Assert.Contains("WORKER EXITED 26", run.Lines);
        var pid = int.Parse(run.Lines.Single(l => l.StartsWith("PID ", StringComparison.Ordinal))[4..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(ProcessState.IsRunning(pid), $"process {pid} still runs");
    }

    [Fact]
    public void DropletRun_applies_exec_d_output_read_with_the_bundled_toml_reader()
    {
        _temp.CreateApp("app", ("Procfile", "worker: echo \"EXAMPLE=$EXAMPLE ONLY_WORKER=$ONLY_WORKER\"\n"));
        var script = WriteScript($$"""
            var result = BuildpackStage("app", new BuildpackStageSettings()
                .WithBuildpack("{{Fixture("supply-execd")}}")
                .WithBuildpack("{{Fixture("recorder")}}")
                .SetDropletPath("app.droplet.tgz"));
            var worker = DropletRun(result.DropletPath, new DropletRunSettings().SetProcessType("worker").SetRunDirectory("run"));
            Information("WORKER EXITED {0}", worker.WaitForExit(TimeSpan.FromSeconds(30)));
            """);

        var run = feed.RunCake(script);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("       EXAMPLE=test ONLY_WORKER=worker", run.Lines);
        Assert.Contains("WORKER EXITED 0", run.Lines);
    }

    [Fact]
    public void DropletRun_waits_until_the_app_listens_then_serves_requests()
    {
        var port = FreePort.Next();
        _temp.CreateApp(
            "app",
            ("Procfile", "web: exec perl serve.pl\n"),
            ("serve.pl", "use IO::Socket::INET;\nsleep 1;\nmy $s = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => $ENV{PORT}, Listen => 5, ReuseAddr => 1) or die $!;\nwhile (my $c = $s->accept) { print $c \"HTTP/1.0 200 OK\\r\\nContent-Type: text/plain\\r\\n\\r\\nhello from $ENV{EXAMPLE}\\n\"; close $c; }\n"));
        var script = WriteScript($$"""
            var result = BuildpackStage("app", new BuildpackStageSettings().WithBuildpack("{{Fixture("recorder")}}").SetDropletPath("app.droplet.tgz"));
            using (var app = DropletRun(result.DropletPath, new DropletRunSettings().SetPort({{port}}).WithEnvironmentVariable("EXAMPLE", "cake").SetRunDirectory("run")))
            {
                Information("LISTENING {0}", app.WaitUntilListening(TimeSpan.FromSeconds(30)));
                using var http = new System.Net.Http.HttpClient();
                Information("BODY {0}", http.GetStringAsync(app.Url).GetAwaiter().GetResult().Trim());
            }
            """);

        var run = feed.RunCake(script);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("LISTENING True", run.Lines);
        Assert.Contains("BODY hello from cake", run.Lines);
    }

    [Fact]
    public void A_script_packages_a_cached_zip_and_another_stages_it_as_a_local_file_with_no_network()
    {
        var zip = _temp.Combine("out", "tool_buildpack-cached-cflinuxfs4-v3.1.0.zip");
        using (var server = new LoopbackServer((context, _) => LoopbackServer.SendAsync(context, ToolBuildpack.Tool)))
        {
            ToolBuildpack.Create(_temp, server.Url("/tool-2.0.1.txt"));
            var package = feed.RunCake(WriteScript($$"""
                var package = BuildpackPackage(new PackageOptions { BuildpackDirectory = "tool-buildpack", Cached = true, Output = "out/{{Path.GetFileName(zip)}}", DownloadCache = "dl" });
                Information("PACKAGED {0}", package.Zip);
                """));
            Assert.True(package.ExitCode == 0, package.Output);
            Assert.Contains($"PACKAGED {zip}", package.Lines);
            Assert.Equal(1, server.Count("/tool-2.0.1.txt"));
        }

        _temp.CreateApp("app", ("index.txt", "hi"));
        var stage = feed.RunCake(
            WriteScript($$"""
                var result = BuildpackStage("app", new BuildpackStageSettings()
                    .WithBuildpack("out/{{Path.GetFileName(zip)}}")
                    .SetBuildpackCacheRoot("bpcache")
                    .SetDropletPath("out/app.droplet.tgz"));
                Information("STAGED {0}", result.DropletPath);
                """),
            withoutNetwork: true);

        Assert.True(stage.ExitCode == 0, stage.Output);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(ToolBuildpack.Tool), DropletContents.TextOf(_temp.Combine("out", "app.droplet.tgz"), ToolBuildpack.InstalledPath));
    }

    private static string Fixture(string name) => Repository.FixtureBuildpack(name);

    private string WriteScript(string body)
    {
        var path = _temp.Combine("build.cake");
        File.WriteAllText(path, feed.AddinDirective + "\n\n" + body + "\n");
        return path;
    }
}
