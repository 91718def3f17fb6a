using Buildpacks.Cli.Tests.Support;

namespace Buildpacks.Cli.Tests;

[Trait("Category", "EndToEnd")]
public sealed class PackageCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly LoopbackServer _server;
    private byte[] _zip = [];

    public PackageCommandTests()
    {
        _server = new LoopbackServer((context, _) => context.Request.Url!.AbsolutePath switch
        {
            "/tool-2.0.1.txt" => LoopbackServer.SendAsync(context, ToolBuildpack.Tool),
            "/bp.zip" => LoopbackServer.SendAsync(context, _zip),
            _ => LoopbackServer.SendAsync(context, [], 404),
        });
    }

    public void Dispose()
    {
        _server.Dispose();
        _temp.Dispose();
    }

    private string Buildpack() => ToolBuildpack.Create(_temp, _server.Url("/tool-2.0.1.txt"));

    [Fact]
    public async Task A_cached_zip_stages_with_no_network_and_compile_installs_the_packaged_dependency()
    {
        var buildpack = Buildpack();
        var zip = _temp.Combine("out", "tool.zip");
        var package = await CliProcess.RunAsync(["package", buildpack, "--cached", "--output", zip, "--download-cache", _temp.Combine("dl"), "--summary"]);
        Assert.True(package.ExitCode == 0, CliProcess.Describe(package));
        Assert.Contains("| tool | 2.0.1 | cflinuxfs4 |", package.Output, StringComparison.Ordinal);
        _zip = await File.ReadAllBytesAsync(zip);

        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        string[] Stage(string name) => ["stage", app, "--buildpack", _server.Url("/bp.zip"), "--output", _temp.Combine(name + ".droplet.tgz"), "--buildpack-cache", _temp.Combine("bpcache"), "--log-format", "plain"];
        var online = await CliProcess.RunAsync(Stage("online"));
        var offline = await CliProcess.RunWithoutNetworkAsync(Stage("offline"));

        Assert.True(online.ExitCode == 0, CliProcess.Describe(online));
        Assert.True(offline.ExitCode == 0, CliProcess.Describe(offline));
        Assert.Equal(System.Text.Encoding.UTF8.GetString(ToolBuildpack.Tool), DropletContents.TextOf(_temp.Combine("offline.droplet.tgz"), ToolBuildpack.InstalledPath));
        Assert.Equal(1, _server.Count("/tool-2.0.1.txt"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_cached_zip_given_as_a_local_file_stages_under_unshare_with_the_packaged_dependency(bool asFileUrl)
    {
        var zip = _temp.Combine("out", "ruby_buildpack-cached-cflinuxfs4-v1.2.3.zip");
        var package = await CliProcess.RunAsync(["package", Buildpack(), "--cached", "--output", zip, "--download-cache", _temp.Combine("dl")]);
        Assert.True(package.ExitCode == 0, CliProcess.Describe(package));
        _server.Dispose();

        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var reference = asFileUrl ? "file://" + zip : Path.GetRelativePath(_temp.Path, zip);
        var offline = await CliProcess.RunWithoutNetworkAsync(
            ["stage", app, "--buildpack", reference, "--output", _temp.Combine("offline.droplet.tgz"), "--buildpack-cache", _temp.Combine("bpcache"),
             "--result", _temp.Combine("result.json"), "--log-format", "plain"],
            workingDirectory: _temp.Path);

        Assert.True(offline.ExitCode == 0, CliProcess.Describe(offline));
        Assert.Equal(System.Text.Encoding.UTF8.GetString(ToolBuildpack.Tool), DropletContents.TextOf(_temp.Combine("offline.droplet.tgz"), ToolBuildpack.InstalledPath));
        Assert.Contains(zip, offline.Output + offline.Error, StringComparison.Ordinal);
        Assert.Contains(JsonSerializedPath(zip), await File.ReadAllTextAsync(_temp.Combine("result.json")), StringComparison.Ordinal);
        Assert.Equal(1, _server.Count("/tool-2.0.1.txt"));
    }

    [Fact]
    public async Task A_missing_local_zip_fails_with_its_code_naming_the_file()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var zip = _temp.Combine("missing_buildpack-v1.0.0.zip");

        var run = await CliProcess.RunAsync(["stage", app, "--buildpack", zip, "--output", _temp.Combine("x.droplet.tgz"), "--buildpack-cache", _temp.Combine("bpcache"), "--log-format", "plain"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("BPK1412", run.Output + run.Error, StringComparison.Ordinal);
        Assert.Contains(zip, run.Output + run.Error, StringComparison.Ordinal);
    }

    private static string JsonSerializedPath(string path) => System.Text.Json.JsonSerializer.Serialize(path).Trim('"');

    [Fact]
    public async Task Default_version_prints_the_manifest_s_default()
    {
        var run = await CliProcess.RunAsync(["package", "default-version", Path.Combine(Buildpack(), "manifest.yml"), "tool"]);

        Assert.True(run.ExitCode == 0, CliProcess.Describe(run));
        Assert.Equal("2.0.1", run.Output.Trim());
    }

    [Fact]
    public async Task A_404_dependency_fails_with_its_code_and_writes_no_zip()
    {
        var buildpack = Buildpack();
        File.WriteAllText(Path.Combine(buildpack, "manifest.yml"), File.ReadAllText(Path.Combine(buildpack, "manifest.yml")).Replace("/tool-2.0.1.txt", "/gone.txt", StringComparison.Ordinal));
        var zip = _temp.Combine("out", "tool.zip");

        var run = await CliProcess.RunAsync(["package", buildpack, "--cached", "--output", zip, "--download-cache", _temp.Combine("dl")]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("BPK1406", run.Output + run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(zip));
    }
}
