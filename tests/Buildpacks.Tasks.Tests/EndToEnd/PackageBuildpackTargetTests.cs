using Buildpacks.Core.Packaging;
using Buildpacks.Tasks.Tests.Support;

namespace Buildpacks.Tasks.Tests.EndToEnd;

/// <summary>
/// The <c>PackageBuildpack</c> target run by the real <c>dotnet msbuild</c> from the packed package, and the zip it
/// writes staged by <c>dotnet publish</c> as a local file with no network.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(nameof(EndToEndCollection))]
public sealed class PackageBuildpackTargetTests(PackagedTasks packaged) : IDisposable
{
    private const string SkippedStaging = "Skipping target \"_StageBuildpackDropletIfChanged\" because all output files are up-to-date";
    private const string RanStaging = "Building target \"_StageBuildpackDropletIfChanged\" completely";

    private readonly PublishedApp _app = packaged.ConsoleApp;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Buildpack(string uri) => ToolBuildpack.Create(_temp, uri);

    [Fact]
    public async Task The_target_packages_the_same_bytes_as_the_engine_and_publish_stages_the_zip_with_no_network()
    {
        string buildpack;
        var zip = _temp.Combine("out", "tool_buildpack-cached-cflinuxfs4-v3.1.0.zip");
        var reference = _temp.Combine("reference.zip");
        using (var server = new LoopbackServer((context, _) => context.Request.Url!.AbsolutePath == "/tool-2.0.1.txt"
                   ? LoopbackServer.SendAsync(context, ToolBuildpack.Tool)
                   : LoopbackServer.SendAsync(context, [], 404)))
        {
            buildpack = Buildpack(server.Url("/tool-2.0.1.txt"));
            var package = packaged.DotNet.Run(_app.Directory, [
                "msbuild", _app.ProjectFile, "-t:PackageBuildpack", "-p:BuildpackDirectory=" + buildpack, "-p:BuildpackPackageCached=true",
                "-p:BuildpackPackageOutput=" + zip, "-p:BuildpackPackageDownloadCache=" + _temp.Combine("dl"), "-p:BuildpackPackageSummary=true",
                "-p:SOURCE_DATE_EPOCH=1700000000", .. DotNetCli.NoServers]);
            Assert.True(package.ExitCode == 0, package.Output);
            Assert.Contains($"{buildpack} -> {zip}", package.Output, StringComparison.Ordinal);
            Assert.Contains("| tool | 2.0.1 | cflinuxfs4 |", package.Output, StringComparison.Ordinal);

            // buildpacks package and the Cake alias call the same engine with the same options.
            await new BuildpackPackager(Buildpacks.Core.Diagnostics.NullStagingLog.Instance).PackageAsync(new PackageOptions
            {
                BuildpackDirectory = buildpack,
                Cached = true,
                Output = reference,
                DownloadCache = _temp.Combine("dl-reference"),
                Timestamp = BuildpackPackager.TimestampFrom("1700000000"),
            });
            Assert.Equal(2, server.Count("/tool-2.0.1.txt"));
        }

        Assert.Equal(await File.ReadAllBytesAsync(reference), await File.ReadAllBytesAsync(zip));

        string[] Stage(params string[] extra) => ["publish", "-c", "Release", "--no-restore", "-p:StageWithBuildpack=true", "-p:Buildpack=" + zip,
            "-p:BuildpackCacheRoot=" + _temp.Combine("bpcache"), .. DotNetCli.NoServers, .. extra];
        var offline = packaged.DotNet.RunWithoutNetwork(_app.Directory, Stage("-v:d"));
        Assert.True(offline.ExitCode == 0, offline.Output);
        Assert.Contains(RanStaging, offline.Output, StringComparison.Ordinal);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(ToolBuildpack.Tool), DropletContents.TextOf(_app.Droplet, ToolBuildpack.InstalledPath));

        var unchanged = packaged.DotNet.RunWithoutNetwork(_app.Directory, Stage("-v:d"));
        Assert.True(unchanged.ExitCode == 0, unchanged.Output);
        Assert.Contains(SkippedStaging, unchanged.Output, StringComparison.Ordinal);

        // A zip packaged again from changed files is another buildpack: the incremental check must see it.
        File.WriteAllText(Path.Combine(buildpack, "NOTES"), "changed");
        await new BuildpackPackager(Buildpacks.Core.Diagnostics.NullStagingLog.Instance).PackageAsync(new PackageOptions
        {
            BuildpackDirectory = buildpack,
            Cached = true,
            Output = zip,
            DownloadCache = _temp.Combine("dl"),
        });
        var changed = packaged.DotNet.RunWithoutNetwork(_app.Directory, Stage("-v:d"));
        Assert.True(changed.ExitCode == 0, changed.Output);
        Assert.Contains(RanStaging, changed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_buildpack_directory_the_target_fails_with_its_code()
    {
        var run = packaged.DotNet.Run(_app.Directory, ["msbuild", _app.ProjectFile, "-t:PackageBuildpack", .. DotNetCli.NoServers]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("error BPK3020", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_engine_error_fails_the_target_with_the_engine_s_code_on_the_manifest()
    {
        var buildpack = Buildpack("http://127.0.0.1:9/tool-2.0.1.txt");
        File.AppendAllText(Path.Combine(buildpack, "manifest.yml"), "\n- name: tool\n  version: 2.0.1\n  uri: http://127.0.0.1:9/again.txt\n  cf_stacks: [cflinuxfs4]\n");

        var run = packaged.DotNet.Run(_app.Directory, ["msbuild", _app.ProjectFile, "-t:PackageBuildpack", "-p:BuildpackDirectory=" + buildpack, .. DotNetCli.NoServers]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"{Path.Combine(buildpack, "manifest.yml")}(1): error BPK1404", run.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(buildpack, "*.zip"));
    }
}
