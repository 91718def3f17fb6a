using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Staging;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Declared;

public sealed class BuildpacksFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_chain_of_three_compiles_in_order_and_each_sees_what_the_ones_before_exported()
    {
        var one = Chained("one", "export FROM_ONE='first value'", "config_vars:\n  SHARED: one\n  ONLY_ONE: '1'\ndefault_process_types:\n  web: one-web\n  worker: one-worker");
        var two = Chained("two", "export FROM_TWO=second\nNOT_EXPORTED=hidden", "addons:\n  - two-addon\nconfig_vars:\n  SHARED: two");
        var three = Chained("three", null, "addons:\n  - three-addon\ndefault_process_types:\n  web: three-web");
        var app = _temp.CreateApp("app", (".buildpacks", $"{one}\n{two}\n{three}\n"));

        var result = await StagingFixture.StageAsync(new StagingRequest { AppDirectory = app, OutputPath = _temp.Combine("out", "app.droplet.tgz") });

        Assert.Equal(
            "one args=3 FROM_ONE= FROM_TWO= NOT_EXPORTED=\n" +
            "two args=3 FROM_ONE=first value FROM_TWO= NOT_EXPORTED=\n" +
            "three args=3 FROM_ONE=first value FROM_TWO=second NOT_EXPORTED=\n",
            DropletContents.TextOf(result.DropletPath, "./app/chain"));
        Assert.Single(DropletContents.TextOf(result.DropletPath, "./app/caches").Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct());
        Assert.Equal(new Dictionary<string, string> { ["web"] = "three-web" }, result.ProcessTypes);
        Assert.Equal(new Dictionary<string, string> { ["SHARED"] = "two", ["ONLY_ONE"] = "1" }, result.ConfigVars);
        Assert.Equal(["one", "two", "three"], result.Buildpacks.Select(b => Path.GetFileName(b.Key)));
        Assert.False(DropletContents.ByName(result.DropletPath).ContainsKey("./deps/0/"));
    }

    [Fact]
    public void The_file_strips_CR_keeps_refs_skips_blank_and_comment_lines_and_reads_local_paths_from_the_app()
    {
        var path = _temp.Write("app/.buildpacks", "# the buildpacks\r\n\r\nhttps://example.com/a.git#v1.2\r\n   \r\n  # indented comment\r\n../bp-local\r\nhttps://example.com/b.tgz\r\n");

        var references = Buildpacks.Core.Staging.Planning.AppBuildpacksFile.Parse(File.ReadAllText(path), path);

        Assert.Equal(["https://example.com/a.git#v1.2", _temp.Combine("bp-local"), "https://example.com/b.tgz"], references);
    }

    [Theory]
    [InlineData("https://example.com/a.git\nnot a buildpack\n", 2)]
    [InlineData("# comment\r\n\r\nhttps://example.com/a.git\r\nftp://example.com/b.git\r\n", 4)]
    public async Task A_junk_line_is_a_coded_error_with_its_line_number_and_nothing_runs(string text, int line)
    {
        var app = _temp.CreateApp("app", (".buildpacks", text));

        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(new StagingRequest { AppDirectory = app, OutputPath = _temp.Combine("out", "app.droplet.tgz") }));

        Assert.Equal(ErrorCodes.BuildpacksFileInvalid, error.Code);
        Assert.StartsWith($"Line {line} of the app's .buildpacks file", error.Message, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(app, ".buildpacks"), error.File);
        Assert.False(File.Exists(_temp.Combine("out", "app.droplet.tgz")));
    }

    [Fact]
    public async Task An_export_file_that_fails_when_sourced_fails_the_staging_with_its_own_code()
    {
        var broken = Chained("broken", "return 3", null);
        var after = Chained("after", null, null);
        var app = _temp.CreateApp("app", (".buildpacks", $"{broken}\n{after}\n"));

        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(new StagingRequest { AppDirectory = app, OutputPath = _temp.Combine("out", "app.droplet.tgz") }));

        Assert.Equal(ErrorCodes.ExportFailed, error.Code);
        Assert.Contains("exit code 3", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.Combine("out", "app.droplet.tgz")));
    }

    /// <summary>A Heroku buildpack that records its arguments and what it sees, then leaves <paramref name="export"/> beside its bin/.</summary>
    private string Chained(string name, string? export, string? release)
    {
        var compile =
            $"echo \"{name} args=$# FROM_ONE=$FROM_ONE FROM_TWO=$FROM_TWO NOT_EXPORTED=$NOT_EXPORTED\" >> \"$1/chain\"\n" +
            "echo \"$2\" >> \"$1/caches\"\n" +
            (export is null ? "" : $"cat > \"$(dirname \"$0\")/../export\" <<'EXPORT'\n{export}\nEXPORT\n");
        var scripts = new List<(string, string)> { ("compile", compile) };
        if (release is not null)
        {
            scripts.Add(("release", $"cat <<'YAML'\n---\n{release}\nYAML"));
        }

        return _temp.CreateBuildpack(name, [.. scripts]);
    }
}
