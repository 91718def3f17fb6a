using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Staging;

public sealed class SupplyFinalizeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Three_buildpacks_supply_supply_finalize_with_deps_dirs_metadata_and_result_json()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var supplyA = Repository.FixtureBuildpack("supply-a");
        var request = StagingFixture.Request(_temp, app, "supply-a", "supply-b", "final-f") with
        {
            CacheDirectory = _temp.Combine("cache"),
            ResultPath = _temp.Combine("out", "result.json"),
        };

        var result = await StagingFixture.StageAsync(request);

        var droplet = DropletContents.ByName(result.DropletPath);
        var supplyArgs = droplet["./deps/0/args"].Text!.Split('\n');
        Assert.Equal(Md5(supplyA), Path.GetFileName(supplyArgs[1]));
        Assert.Equal("0", supplyArgs[3]);
        Assert.Equal("1", droplet["./deps/1/args"].Text!.Split('\n')[3]);
        Assert.Equal("0\n1\n2\n", droplet["./app/.finalize/deps-listing"].Text);
        var finalizeArgs = droplet["./app/.finalize/args"].Text!.Split('\n');
        Assert.Equal("final", Path.GetFileName(finalizeArgs[1]));
        Assert.Equal("2", finalizeArgs[3]);
        Assert.EndsWith("/droplet/profile.d", finalizeArgs[4], StringComparison.Ordinal);
        Assert.Equal("yes\n", droplet["./app/.finalize/own-supply-ran"].Text);
        Assert.Equal("export FINAL_PROFILE=1\n", droplet["./profile.d/final.sh"].Text);
        Assert.True(droplet["./deps/0/bin/tool-a"].Mode.HasFlag(UnixFileMode.UserExecute));

        // launch.yml of supply-a < release of the final buildpack.
        Assert.Equal("final-web", result.ProcessTypes["web"]);
        Assert.Equal("worker-from-supply-a", result.ProcessTypes["worker"]);
        Assert.Equal(["supply-a", "supply-b", "final-f"], result.Buildpacks.Select(b => b.Name));
        Assert.Equal("final-f", result.DetectedBuildpack);

        using var info = JsonDocument.Parse(droplet["./staging_info.yml"].Text!);
        Assert.Equal("exec-prefix ", info.RootElement.GetProperty("config").GetProperty("entrypoint_prefix").GetString());
        Assert.Equal("final-web", info.RootElement.GetProperty("start_command").GetString());

        using var json = JsonDocument.Parse(File.ReadAllText(request.ResultPath!));
        var lifecycle = json.RootElement.GetProperty("lifecycle_metadata");
        Assert.Equal(Repository.FixtureBuildpack("final-f"), lifecycle.GetProperty("buildpack_key").GetString());
        var buildpacks = lifecycle.GetProperty("buildpacks").EnumerateArray().ToList();
        Assert.Equal(["supply-a", "supply-b", "final-f"], buildpacks.Select(b => b.GetProperty("name").GetString()));
        Assert.Equal("1.0.a", buildpacks[0].GetProperty("version").GetString());
        Assert.Equal("tool-a", buildpacks[0].GetProperty("output_metadata").GetProperty("tool").GetString());
        Assert.Equal("final-web", json.RootElement.GetProperty("process_types").GetProperty("web").GetString());
        Assert.Equal(["web", "worker"], json.RootElement.GetProperty("processes").EnumerateArray().Select(p => p.GetProperty("type").GetString()));
        Assert.Equal("buildpack", json.RootElement.GetProperty("lifecycle_type").GetString());
        Assert.Equal("", json.RootElement.GetProperty("execution_metadata").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("sidecars").GetArrayLength());

        // Cloud Foundry cache layout: final/ and one directory per supply buildpack.
        Assert.Equal(
            new[] { Md5(supplyA), Md5(Repository.FixtureBuildpack("supply-b")), "final" }.Order(StringComparer.Ordinal),
            Directory.GetDirectories(request.CacheDirectory!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_single_buildpack_with_finalize_runs_its_supply_then_finalize_in_deps_0()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));

        var result = await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, "final-f"));

        var droplet = DropletContents.ByName(result.DropletPath);
        Assert.Equal("yes\n", droplet["./app/.finalize/own-supply-ran"].Text);
        Assert.Equal("0\n", droplet["./app/.finalize/deps-listing"].Text);
    }

    [Fact]
    public async Task A_supply_buildpack_without_bin_supply_is_code_225()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var request = StagingFixture.Request(_temp, app, "recorder", "final-f");

        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(request));

        Assert.Equal(ErrorCodes.SupplyMissing, error.Code);
        Assert.Equal(225, error.ExitCode);
        Assert.Equal(Path.Combine(Repository.FixtureBuildpack("recorder"), "bin", "supply"), error.File);
    }

    [Fact]
    public async Task A_failing_supply_is_code_225()
    {
        var broken = _temp.CopyBuildpack("supply-a");
        File.AppendAllText(Path.Combine(broken, "bin", "supply"), "exit 9\n");
        var app = _temp.CreateApp("app", ("index.txt", "hi"));

        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(StagingFixture.Request(_temp, app, broken, "final-f")));

        Assert.Equal(ErrorCodes.SupplyFailed, error.Code);
        Assert.Equal(225, error.ExitCode);
        Assert.Contains("exit code 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_final_buildpack_without_finalize_falls_back_to_compile_with_a_warning()
    {
        var app = _temp.CreateApp("app", ("index.txt", "hi"));
        var log = new RecordingLog();

        var result = await StagingFixture.StageAsync(StagingFixture.Request(_temp, app, "supply-a", "recorder"), log);

        var warning = Assert.Single(log.Warnings, w => w.Code == ErrorCodes.FinalWithoutFinalize);
        Assert.Contains("cannot use the dependencies supplied", warning.Message, StringComparison.Ordinal);
        var names = DropletContents.Read(result.DropletPath).Select(e => e.Name).ToList();
        Assert.Contains("./deps/0/bin/tool-a", names);
        Assert.DoesNotContain("./deps/1/", names);
        Assert.Equal("1", StagingFixture.Recorded(result, "cache-count").Trim());
    }

    [Fact]
    public async Task Result_json_is_written_even_when_staging_fails_after_detect()
    {
        var app = _temp.CreateApp("app", ("recorder.txt", "x"), ("fail-compile", ""));
        var request = StagingFixture.Request(_temp, app) with
        {
            Candidates = [Repository.FixtureBuildpack("recorder")],
            ResultPath = _temp.Combine("out", "result.json"),
        };

        var error = await Assert.ThrowsAsync<BuildpackException>(() => StagingFixture.StageAsync(request));

        Assert.Equal(223, error.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(request.ResultPath!));
        Assert.Equal(Repository.FixtureBuildpack("recorder"), json.RootElement.GetProperty("lifecycle_metadata").GetProperty("buildpack_key").GetString());
    }

    [Theory]
    [InlineData(1, new[] { "0" })]
    [InlineData(3, new[] { "0", "1", "2" })]
    [InlineData(10, new[] { "00", "01", "02", "03", "04", "05", "06", "07", "08", "09" })]
    public void Deps_indexes_are_padded_to_the_width_of_the_buildpack_count(int count, string[] expected) =>
        Assert.Equal(expected, Buildpacks.Core.Staging.Planning.PlanRunner.DepsIndexes(count));

    [Fact]
    public void Eleven_buildpacks_count_from_00_to_10()
    {
        var indexes = Buildpacks.Core.Staging.Planning.PlanRunner.DepsIndexes(11);
        Assert.Equal("00", indexes[0]);
        Assert.Equal("10", indexes[10]);
    }

    private static string Md5(string key) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(key)));
}
