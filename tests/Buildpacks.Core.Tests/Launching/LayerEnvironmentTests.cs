using Buildpacks.Core.Launching;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Launching;

public sealed class LayerEnvironmentTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(string relative, string content)
    {
        var path = _temp.Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Suffixes_override_default_prepend_and_append_with_their_delimiters()
    {
        Write("env/PLAIN", "plain");
        Write("env/OVER.override", "over");
        Write("env/KEPT.default", "ignored");
        Write("env/UNSET.default", "from-default");
        Write("env/EMPTY.default", "filled");
        Write("env/PATHLIKE.prepend", "/new");
        Write("env/PATHLIKE.delim", ":");
        Write("env/LIST.append", "b");
        Write("env/LIST.delim", ",");
        Write("env/NEWLIST.prepend", "first");
        Write("env/NEWLIST.delim", ":");
        Write("env/RAW", "line\n");
        var environment = new Dictionary<string, string>
        {
            ["PLAIN"] = "old", ["OVER"] = "old", ["KEPT"] = "keep", ["EMPTY"] = "", ["PATHLIKE"] = "/old", ["LIST"] = "a",
        };

        LayerEnvironment.ApplyEnvDirectory(environment, _temp.Combine("env"));

        Assert.Equal("plain", environment["PLAIN"]);
        Assert.Equal("over", environment["OVER"]);
        Assert.Equal("keep", environment["KEPT"]);
        Assert.Equal("from-default", environment["UNSET"]);
        Assert.Equal("filled", environment["EMPTY"]);
        Assert.Equal("/new:/old", environment["PATHLIKE"]);
        Assert.Equal("a,b", environment["LIST"]);
        Assert.Equal("first", environment["NEWLIST"]);
        Assert.Equal("line\n", environment["RAW"]);
        Assert.False(environment.ContainsKey("PATHLIKE.delim"));
        Assert.False(environment.ContainsKey("LIST.delim"));
    }

    [Fact]
    public void Without_a_delim_file_prepend_and_append_concatenate()
    {
        Write("env/HEAD.prepend", "pre-");
        Write("env/TAIL.append", "-post");
        var environment = new Dictionary<string, string> { ["HEAD"] = "value", ["TAIL"] = "value" };

        LayerEnvironment.ApplyEnvDirectory(environment, _temp.Combine("env"));

        Assert.Equal("pre-value", environment["HEAD"]);
        Assert.Equal("value-post", environment["TAIL"]);
    }

    [Fact]
    public void A_missing_env_directory_changes_nothing()
    {
        var environment = new Dictionary<string, string> { ["A"] = "1" };

        LayerEnvironment.ApplyEnvDirectory(environment, _temp.Combine("nope"));

        Assert.Equal(new Dictionary<string, string> { ["A"] = "1" }, environment);
    }

    [Fact]
    public void Layers_apply_env_then_env_launch_then_the_process_types_own_files()
    {
        Write("layers/bp/layer/env/ORDER.append", "env");
        Write("layers/bp/layer/env.launch/ORDER.append", "+launch");
        Write("layers/bp/layer/env.launch/web/ORDER.append", "+web");
        Write("layers/bp/layer/env.launch/worker/ORDER.append", "+worker");
        var web = new Dictionary<string, string>();
        var worker = new Dictionary<string, string>();

        LayerEnvironment.Apply(web, _temp.Combine("layers"), [], "web");
        LayerEnvironment.Apply(worker, _temp.Combine("layers"), [], "worker");

        Assert.Equal("env+launch+web", web["ORDER"]);
        Assert.Equal("env+launch+worker", worker["ORDER"]);
    }

    [Fact]
    public void Layer_bin_and_lib_go_in_front_of_PATH_and_LD_LIBRARY_PATH_in_buildpack_then_layer_order()
    {
        foreach (var directory in new[] { "layers/b_second/l1/bin", "layers/a_first/l1/bin", "layers/a_first/l2/bin", "layers/a_first/l1/lib" })
        {
            Directory.CreateDirectory(_temp.Combine(directory));
        }

        Write("layers/b_second/l1/env/WHO", "second");
        Write("layers/a_first/l1/env/WHO", "first");
        var environment = new Dictionary<string, string> { ["PATH"] = "/usr/bin" };

        // metadata.toml puts b_second before a_first: what runs later wins.
        LayerEnvironment.Apply(environment, _temp.Combine("layers"), ["b_second", "a_first"], "web");

        var layers = _temp.Combine("layers");
        Assert.Equal(
            string.Join(':', $"{layers}/a_first/l2/bin", $"{layers}/a_first/l1/bin", $"{layers}/b_second/l1/bin", "/usr/bin"),
            environment["PATH"]);
        Assert.Equal($"{layers}/a_first/l1/lib", environment["LD_LIBRARY_PATH"]);
        Assert.Equal("first", environment["WHO"]);
    }

    [Fact]
    public void Without_metadata_buildpacks_apply_in_ordinal_order_and_config_is_no_buildpack()
    {
        Write("layers/a/l/env/WHO", "a");
        Write("layers/b/l/env/WHO", "b");
        Write("layers/config/l/env/WHO", "config");

        var environment = new Dictionary<string, string>();
        LayerEnvironment.Apply(environment, _temp.Combine("layers"), [], "web");

        Assert.Equal("b", environment["WHO"]);
    }
}
