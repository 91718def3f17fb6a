using Buildpacks.Core.Toml;

namespace Buildpacks.Core.Tests.Toml;

/// <summary>The documents the engine actually reads: exec.d output and a Paketo-style stack.toml.</summary>
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
    public void Exec_d_output_keeps_keys_in_document_order()
    {
        TomlTable env = TomlReader.Parse("EXAMPLE = \"test\"\nOTHER = 'x'\n");

        Assert.Equal(["EXAMPLE", "OTHER"], env.Keys);
        Assert.Equal("test", env.GetString("EXAMPLE"));
        Assert.Equal("x", env.GetString("OTHER"));
        Assert.Equal(
            [new KeyValuePair<string, object>("EXAMPLE", "test"), new KeyValuePair<string, object>("OTHER", "x")],
            env.ToList());
    }

    [Fact]
    public void Exec_d_output_order_is_not_alphabetical_or_hashed()
    {
        string[] names = ["ZED", "ALPHA", "mid", "B_2", "B_10", "a-dash", "PATH"];
        string document = string.Concat(names.Select((n, i) => $"{n} = \"{i}\"\r\n"));

        TomlTable env = TomlReader.Parse(document);

        Assert.Equal(names, env.Keys);
        Assert.Equal(names.Select((_, i) => (object)i.ToString(System.Globalization.CultureInfo.InvariantCulture)), env.Values);
    }

    [Fact]
    public void Exec_d_output_may_be_empty_or_only_comments()
    {
        Assert.Empty(TomlReader.Parse(string.Empty));
        Assert.Empty(TomlReader.Parse("# nothing to export\n\n"));
    }

    [Fact]
    public void Exec_d_values_that_are_not_strings_are_reported_with_their_location()
    {
        TomlTable env = TomlReader.Parse("A = \"ok\"\nCOUNT = 3\n");

        var error = Assert.Throws<TomlException>(() => env.GetString("COUNT"));

        Assert.Equal(2, error.Line);
        Assert.Equal(1, error.Column);
        Assert.Equal("line 2, column 1: \"COUNT\" is an integer, expected a string", error.Message);
    }

    [Fact]
    public void Paketo_stack_toml_is_read()
    {
        TomlTable stack = TomlReader.Parse(PaketoStackToml);

        Assert.Equal(["id", "homepage", "maintainer", "platforms", "build", "run", "deprecated"], stack.Keys);
        Assert.Equal("io.buildpacks.stacks.jammy", stack.GetString("id"));
        Assert.Equal(["linux/amd64", "linux/arm64"], stack.GetArray("platforms")!);

        TomlTable build = stack.GetTable("build")!;
        Assert.Equal(["description", "dockerfile", "gid", "shell", "uid", "args"], build.Keys);
        Assert.Equal("./build.Dockerfile", build.GetString("dockerfile"));
        Assert.Equal(1001L, build.GetInteger("uid"));
        Assert.Equal(1000L, build.GetInteger("gid"));
        Assert.Equal("/bin/bash", build.GetString("shell"));

        TomlTable buildArgs = build.GetTable("args")!;
        Assert.Equal(
            "    deb http://archive.ubuntu.com/ubuntu jammy main universe multiverse\n"
            + "    deb http://archive.ubuntu.com/ubuntu jammy-updates main universe multiverse\n    ",
            buildArgs.GetString("sources"));

        // Line-ending backslashes join the lines and swallow the indentation that follows them.
        string packages = buildArgs.GetString("packages")!;
        Assert.Equal("build-essential ca-certificates curl git tzdata zlib1g-dev ", packages);
        Assert.Equal(
            ["build-essential", "ca-certificates", "curl", "git", "tzdata", "zlib1g-dev"],
            packages.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        TomlTable run = stack.GetTable("run")!;
        Assert.Equal("./run.Dockerfile", run.GetString("dockerfile"));
        Assert.Equal(1002L, run.GetInteger("uid"));
        Assert.Equal(1000L, run.GetInteger("gid"));
        Assert.Equal("/sbin/nologin", run.GetString("shell"));
        Assert.Equal("ca-certificates openssl tzdata ", run.GetTable("args")!.GetString("packages"));

        TomlTable deprecated = stack.GetTable("deprecated")!;
        Assert.False(deprecated.GetBoolean("legacy-sbom"));
        Assert.True(deprecated.GetBoolean("mixins"));
    }

    [Fact]
    public void Paketo_stack_toml_with_windows_line_endings_reads_the_same()
    {
        TomlTable lf = TomlReader.Parse(PaketoStackToml);
        TomlTable crlf = TomlReader.Parse(PaketoStackToml.ReplaceLineEndings("\r\n"));

        Assert.Equal(TomlTestJson.ToTagged(lf).ToJsonString(), TomlTestJson.ToTagged(crlf).ToJsonString());
    }

    [Fact]
    public void Stack_toml_read_from_a_file_reports_the_path_in_errors()
    {
        string path = Path.Combine(Path.GetTempPath(), $"stack-{Guid.NewGuid():N}.toml");
        File.WriteAllText(path, "id = \"x\"\n[build]\nuid = \"1000\"\n");
        try
        {
            TomlTable build = TomlReader.ParseFile(path).GetTable("build")!;

            var error = Assert.Throws<TomlException>(() => build.GetInteger("uid"));

            Assert.Equal(path, error.FilePath);
            Assert.Equal($"{path}: line 3, column 1: \"uid\" is a string, expected an integer", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
