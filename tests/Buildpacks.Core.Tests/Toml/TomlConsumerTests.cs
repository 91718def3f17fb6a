using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Launching;
using Tomlyn.Model;

namespace Buildpacks.Core.Tests.Toml;

/// <summary>The documents the engine reads through Tomlyn: exec.d output, the lifecycle's metadata.toml, a Paketo stack.toml.</summary>
public sealed class TomlConsumerTests
{
    private const string PaketoStackToml = """"
        id = "io.buildpacks.stacks.jammy"
        homepage = "https://github.com/paketo-buildpacks/jammy-base-stack"
        maintainer = "Paketo Buildpacks"

        platforms = ["linux/amd64", "linux/arm64"]

        [build]
          description = "ubuntu:jammy with compilers and shell utilities"
          dockerfile = "./build.Dockerfile"
          gid = 1000
          shell = "/bin/bash"
          uid = 1001

          [build.args]
            sources = """
            deb http://archive.ubuntu.com/ubuntu jammy main universe multiverse
            deb http://archive.ubuntu.com/ubuntu jammy-updates main universe multiverse
            """

            packages = """\
            build-essential \
            ca-certificates \
            curl \
            git \
            tzdata \
            zlib1g-dev \
            """

        [run]
          description = "ubuntu:jammy with some common dependencies like tzdata and openssl"
          dockerfile = "./run.Dockerfile"
          gid = 1000
          shell = "/sbin/nologin"
          uid = 1002

          [run.args]
            packages = """\
            ca-certificates \
            openssl \
            tzdata \
            """

        [deprecated]
          legacy-sbom = false
          mixins = true

        """";

    [Fact]
    public void Exec_d_output_sets_variables_in_document_order()
    {
        var environment = new Dictionary<string, string> { ["KEEP"] = "k" };

        ExecDRunner.Apply("ZED = \"z\"\nALPHA = 'a'\n# comment\nEMPTY = \"\"\n", "exec.d/p", "/x/exec.d/p", environment);

        Assert.Equal(["KEEP", "ZED", "ALPHA", "EMPTY"], environment.Keys);
        Assert.Equal(["k", "z", "a", string.Empty], environment.Values);
    }

    [Theory]
    [InlineData("COUNT = 3", "COUNT to an integer")]
    [InlineData("RATIO = 1.5", "RATIO to a float")]
    [InlineData("ON = true", "ON to a boolean")]
    [InlineData("WHEN = 1979-05-27", "WHEN to a local date")]
    [InlineData("LIST = [\"a\"]", "LIST to an array")]
    [InlineData("T = { a = \"b\" }", "T to an inline table")]
    [InlineData("NESTED.KEY = \"x\"", "NESTED to a table")]
    [InlineData("[[AOT]]", "AOT to an array of tables")]
    public void Exec_d_values_that_are_not_strings_are_BPK5012_and_change_nothing(string toml, string detail)
    {
        var environment = new Dictionary<string, string> { ["OK"] = "before" };

        var error = Assert.Throws<BuildpackException>(() => ExecDRunner.Apply($"OK = \"after\"\n{toml}\n", "exec.d/p", "/x/exec.d/p", environment));

        Assert.Equal(ErrorCodes.ExecDValueNotString, error.Code);
        Assert.Equal("/x/exec.d/p", error.File);
        Assert.Contains($"'exec.d/p' set {detail}, not a string", error.Message, StringComparison.Ordinal);
        Assert.Equal("before", environment["OK"]);
    }

    [Theory]
    [InlineData("EXAMPLE = test", "line 1, column 11: ")]
    [InlineData("A = \"ok\"\nA = \"again\"", "line 2, column 1: ")]
    [InlineData("A = \"ok\"\nB = 0xFFFFFFFFFFFFFFFF", "line 2, column 5: ")]
    public void Malformed_exec_d_output_is_BPK5011_with_the_location(string toml, string location)
    {
        var error = Assert.Throws<BuildpackException>(() => ExecDRunner.Apply(toml, "exec.d/p", "/x/exec.d/p", new Dictionary<string, string>()));

        Assert.Equal(ErrorCodes.ExecDOutputInvalid, error.Code);
        Assert.Equal("/x/exec.d/p", error.File);
        Assert.Contains($"The exec.d program 'exec.d/p' wrote invalid TOML to file descriptor 3 ({location}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Layers_metadata_gives_the_buildpack_order_as_layer_directories()
    {
        const string Toml = "[[buildpacks]]\nid = \"z/first\"\nversion = \"1\"\n\n[[buildpacks]]\napi = \"0.10\"\n\n[[buildpacks]]\nid = \"a/second\"\n";

        Assert.Equal(["z_first", "a_second"], LayersMetadata.BuildpackOrder(Toml, "/d/metadata.toml"));
        Assert.Equal(["x_y"], LayersMetadata.BuildpackOrder("buildpacks = [{ id = \"x/y\" }, 3]", "/d/metadata.toml"));
        Assert.Empty(LayersMetadata.BuildpackOrder("[processes]\n", "/d/metadata.toml"));
        Assert.Empty(LayersMetadata.BuildpackOrder(null, "/d/metadata.toml"));
    }

    [Theory]
    [InlineData("[[buildpacks]]\nid = \"a\"\n[buildpacks]\n", "line 3, column 1: ")]
    [InlineData("buildpacks = \"a/b\"", "\"buildpacks\" is a string, expected an array of tables")]
    [InlineData("[[buildpacks]]\nid = 7\n", "the \"id\" of a buildpack is an integer, expected a string")]
    public void Unreadable_layers_metadata_is_BPK5020(string toml, string detail)
    {
        var error = Assert.Throws<BuildpackException>(() => LayersMetadata.BuildpackOrder(toml, "/d/metadata.toml"));

        Assert.Equal(ErrorCodes.InvalidLayersMetadata, error.Code);
        Assert.Equal("/d/metadata.toml", error.File);
        Assert.Contains($"layers/config/metadata.toml cannot be read ({detail}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Paketo_stack_toml_is_read()
    {
        TomlTable stack = TomlParse.Text(PaketoStackToml);

        Assert.Equal(["id", "homepage", "maintainer", "platforms", "build", "run", "deprecated"], stack.Keys);
        Assert.Equal("io.buildpacks.stacks.jammy", stack["id"]);
        Assert.Equal(["linux/amd64", "linux/arm64"], Assert.IsType<TomlArray>(stack["platforms"]));

        var build = Assert.IsType<TomlTable>(stack["build"]);
        Assert.Equal(["description", "dockerfile", "gid", "shell", "uid", "args"], build.Keys);
        Assert.Equal("./build.Dockerfile", build["dockerfile"]);
        Assert.Equal(1001L, build["uid"]);
        Assert.Equal(1000L, build["gid"]);

        var buildArgs = Assert.IsType<TomlTable>(build["args"]);
        Assert.Equal(
            "    deb http://archive.ubuntu.com/ubuntu jammy main universe multiverse\n"
            + "    deb http://archive.ubuntu.com/ubuntu jammy-updates main universe multiverse\n    ",
            buildArgs["sources"]);

        // Line-ending backslashes join the lines and swallow the indentation that follows them.
        Assert.Equal("build-essential ca-certificates curl git tzdata zlib1g-dev ", buildArgs["packages"]);

        var run = Assert.IsType<TomlTable>(stack["run"]);
        Assert.Equal(1002L, run["uid"]);
        Assert.Equal("/sbin/nologin", run["shell"]);
        Assert.Equal("ca-certificates openssl tzdata ", Assert.IsType<TomlTable>(run["args"])["packages"]);

        var deprecated = Assert.IsType<TomlTable>(stack["deprecated"]);
        Assert.Equal(false, deprecated["legacy-sbom"]);
        Assert.Equal(true, deprecated["mixins"]);
    }

    [Fact]
    public void Paketo_stack_toml_with_windows_line_endings_differs_only_in_multi_line_string_line_ends()
    {
        string lf = TomlTestJson.ToTagged(TomlParse.Text(PaketoStackToml)).ToJsonString();
        string crlf = TomlTestJson.ToTagged(TomlParse.Text(PaketoStackToml.ReplaceLineEndings("\r\n"))).ToJsonString();

        Assert.NotEqual(lf, crlf);
        Assert.Equal(lf, crlf.Replace("\\r\\n", "\\n", StringComparison.Ordinal));
    }
}
