using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Staging;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Declared;

public sealed class ManifestTests : IDisposable
{
    private const string TwoApps = """
        ---
        applications:
        - name: front
          buildpacks: [BP]
          memory: 256M
        - name: back
          buildpacks:
          - BP
          env:
            GREETING: from-manifest
            NUMBER: 42
          stack: cflinuxfs4
          command: ./back --serve
          memory: 2G
          instances: 3
          routes:
          - route: back.example.com
        """;

    private readonly TempDirectory _temp = new();
    private readonly string _printer;

    public ManifestTests() => _printer = _temp.CreateBuildpack(
        "printer",
        ("compile", "printf 'GREETING=%s\\nNUMBER=%s\\nSTACK=%s\\nCF_STACK=%s\\nMEMORY_LIMIT=%s\\nVCAP_APPLICATION=%s\\n' \"$GREETING\" \"$NUMBER\" \"$STACK\" \"$CF_STACK\" \"$MEMORY_LIMIT\" \"$VCAP_APPLICATION\" > \"$1/seen\""),
        ("release", "echo '--- {default_process_types: {web: from-buildpack}}'"));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task With_two_applications_the_one_named_stages_with_its_buildpacks_env_stack_command_memory_and_name()
    {
        var app = _temp.CreateApp("app", ("manifest.yml", TwoApps.Replace("BP", _printer, StringComparison.Ordinal)));

        var result = await StagingFixture.StageAsync(Request(app) with { ManifestApplication = "back" });

        var seen = DropletContents.TextOf(result.DropletPath, "./app/seen");
        Assert.Contains("GREETING=from-manifest\nNUMBER=42\nSTACK=cflinuxfs4\nCF_STACK=cflinuxfs4\nMEMORY_LIMIT=2048m\n", seen, StringComparison.Ordinal);
        Assert.Contains("\"application_name\":\"back\"", seen, StringComparison.Ordinal);
        Assert.Equal("./back --serve", result.ProcessTypes["web"]);
    }

    [Fact]
    public async Task What_the_request_sets_wins_over_the_manifest()
    {
        var app = _temp.CreateApp("app", ("manifest.yml", TwoApps.Replace("BP", _printer, StringComparison.Ordinal)));
        var other = _temp.CreateBuildpack("other", ("compile", "echo other > \"$1/seen\""));

        var result = await StagingFixture.StageAsync(Request(app) with
        {
            ManifestApplication = "back",
            Environment = new Dictionary<string, string> { ["GREETING"] = "from-request", ["MEMORY_LIMIT"] = "64m" },
            Stack = "heroku-22",
            ApplicationName = "named-by-request",
            ProcessTypes = new Dictionary<string, string> { ["web"] = "from-request" },
        });
        var seen = DropletContents.TextOf(result.DropletPath, "./app/seen");
        var explicitBuildpack = await StagingFixture.StageAsync(Request(app) with { ManifestApplication = "back", Buildpacks = [other] });

        Assert.Contains("GREETING=from-request\nNUMBER=42\nSTACK=heroku-22\nCF_STACK=heroku-22\nMEMORY_LIMIT=64m\n", seen, StringComparison.Ordinal);
        Assert.Contains("\"application_name\":\"named-by-request\"", seen, StringComparison.Ordinal);
        Assert.Equal("from-request", result.ProcessTypes["web"]);
        Assert.Equal("other\n", DropletContents.TextOf(explicitBuildpack.DropletPath, "./app/seen"));
    }

    [Fact]
    public async Task An_app_with_a_manifest_naming_its_buildpack_and_env_stages_with_no_other_option_and_the_old_buildpack_key()
    {
        var app = _temp.CreateApp("app", ("manifest.yml", $"applications:\n- name: solo\n  buildpack: {_printer}\n  env:\n    GREETING: hi\n  unknown-key: {{nested: [1, 2]}}\n"));

        var result = await StagingFixture.StageAsync(Request(app));

        Assert.StartsWith("GREETING=hi\n", DropletContents.TextOf(result.DropletPath, "./app/seen"), StringComparison.Ordinal);
        Assert.Equal("from-buildpack", result.ProcessTypes["web"]);
    }

    [Fact]
    public async Task A_manifest_named_elsewhere_and_its_path_relative_to_it_give_the_app_directory()
    {
        var project = _temp.CreateApp("project", ("publish/index.txt", "published"), ("manifest.yml", $"applications:\n- name: p\n  path: publish\n  buildpacks: [{_printer}]\n"));
        var named = _temp.Write("elsewhere/cf.yml", $"applications:\n- name: e\n  buildpacks: [{_printer}]\n  env: {{GREETING: named}}\n");

        var beside = await StagingFixture.StageAsync(Request(project));
        var elsewhere = await StagingFixture.StageAsync(Request(_temp.CreateApp("app2", ("index.txt", "x"))) with { ManifestPath = named });

        Assert.Equal("published", DropletContents.TextOf(beside.DropletPath, "./app/index.txt"));
        Assert.StartsWith("GREETING=named\n", DropletContents.TextOf(elsewhere.DropletPath, "./app/seen"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "BPK1303", "2 applications (front, back)")]
    [InlineData("middle", "BPK1303", "no application named 'middle'")]
    public async Task Several_applications_need_one_picked_by_a_name_they_have(string? pick, string code, string message)
    {
        var app = _temp.CreateApp("app", ("manifest.yml", TwoApps.Replace("BP", _printer, StringComparison.Ordinal)));

        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(Request(app) with { ManifestApplication = pick }));

        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(app, "manifest.yml"), error.File);
    }

    [Theory]
    [InlineData("applications:\n- name: a\n  env: [A, B]\n", "'applications[0].env' must be a map")]
    [InlineData("applications:\n- name: a\n  buildpacks: one\n", "'applications[0].buildpacks' must be a list")]
    [InlineData("applications:\n- name: a\n  memory: lots\n", "'applications[0].memory' 'lots' is not an amount of memory")]
    [InlineData("applications:\n- name: a\n  stack: [x]\n", "'applications[0].stack' must be a single value")]
    [InlineData("applications: {name: a}\n", "'applications' must be a list")]
    [InlineData("applications:\n- name: a\n  env: {A: [1]}\n", "'applications[0].env.A' must be a single value")]
    [InlineData("applications:\n- name: [a\n", "is not valid YAML")]
    public async Task Invalid_YAML_and_wrong_types_are_coded_errors_naming_the_key(string manifest, string message)
    {
        var app = _temp.CreateApp("app", ("manifest.yml", manifest));

        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(Request(app) with { Buildpacks = [_printer] }));

        Assert.Equal(ErrorCodes.ManifestInvalid, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private StagingRequest Request(string app) => new() { AppDirectory = app, OutputPath = _temp.Combine("out", Path.GetFileName(app) + ".droplet.tgz") };
}
