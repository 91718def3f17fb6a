using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Stacks;

namespace Buildpacks.Core.Tests.Stacks;

/// <summary>stack.toml is read and checked before any image is built; every error is coded and names the key.</summary>
public sealed class StackFileTests : IDisposable
{
    private const string Valid = """
        id = "io.example.stack"
        platforms = ["linux/amd64"]

        [build]
          dockerfile = "./build.Dockerfile"
          uid = 1001
          gid = 1002
          shell = "/bin/bash"
          [build.args]
            sources = "deb http://mirror bookworm main"
            packages = "curl git"

        [run]
          dockerfile = "./run.Dockerfile"
          uid = 1001
          gid = 1002

        [deprecated]
          legacy-sbom = true
        """;

    private readonly TempDirectory _temp = new();

    public StackFileTests()
    {
        _temp.Write("build.Dockerfile", "FROM scratch\n");
        _temp.Write("run.Dockerfile", "FROM scratch\n");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_paketo_style_stack_file_is_read_with_its_args_in_order()
    {
        var stack = StackFile.Read(_temp.Write("stack.toml", Valid));

        Assert.Equal("io.example.stack", stack.Id);
        Assert.Equal(["linux/amd64"], stack.Platforms);
        Assert.Equal(_temp.Combine("build.Dockerfile"), stack.Build.Dockerfile);
        Assert.Equal((1001L, 1002L, "/bin/bash"), (stack.Build.Uid, stack.Build.Gid, stack.Build.Shell));
        Assert.Equal(["sources", "packages"], stack.Build.Args.Select(a => a.Key));
        Assert.Equal("curl git", stack.Build.Args[1].Value);
        Assert.Equal("/bin/sh", stack.Run.Shell);
        Assert.Empty(stack.Run.Args);
    }

    [Theory]
    [InlineData("id = \"io.example.stack\"", "", ErrorCodes.StackIdMissing, "key 'id'")]
    [InlineData("id = \"io.example.stack\"", "id = \"\"", ErrorCodes.StackIdMissing, "key 'id' (line 1)")]
    [InlineData("id = \"io.example.stack\"", "id = \"bad id\"", ErrorCodes.StackIdMissing, "key 'id' (line 1)")]
    [InlineData("uid = 1001\n  gid = 1002\n  shell", "uid = 0\n  gid = 1002\n  shell", ErrorCodes.StackUserInvalid, "key 'build.uid' (line 6) is 0")]
    [InlineData("  uid = 1001\n  gid = 1002\n\n", "  uid = 1001\n  gid = 0\n\n", ErrorCodes.StackUserInvalid, "key 'run.gid' (line 16) is 0")]
    [InlineData("  uid = 1001\n  gid = 1002\n\n", "  uid = 1001\n\n", ErrorCodes.StackUserInvalid, "no key 'run.gid'")]
    [InlineData("uid = 1001\n  gid = 1002\n  shell", "uid = \"1001\"\n  gid = 1002\n  shell", ErrorCodes.StackUserInvalid, "key 'build.uid' (line 6) must be an integer")]
    [InlineData("./run.Dockerfile", "./missing.Dockerfile", ErrorCodes.StackDockerfileMissing, "key 'run.dockerfile' (line 14)")]
    [InlineData("  dockerfile = \"./build.Dockerfile\"\n", "", ErrorCodes.StackDockerfileMissing, "no key 'build.dockerfile'")]
    [InlineData("[\"linux/amd64\"]", "[\"linux/amd64\", \"linux/arm64\"]", ErrorCodes.StackPlatformUnsupported, "key 'platforms' (line 2)")]
    [InlineData("packages = \"curl git\"", "packages = [\"curl\"]", ErrorCodes.StackFileInvalid, "key 'build.args.packages' (line 11) must be a string, number or boolean")]
    [InlineData("[deprecated]", "[deprecated\n", ErrorCodes.StackFileInvalid, "not valid TOML: line 18")]
    public void An_invalid_stack_file_is_a_coded_error_that_names_the_key(string replace, string with, string code, string named)
    {
        Assert.Contains(replace, Valid, StringComparison.Ordinal);
        var file = _temp.Write("stack.toml", Valid.Replace(replace, with, StringComparison.Ordinal));

        var error = Assert.Throws<BuildpackException>(() => StackFile.Read(file));

        Assert.Equal(code, error.Code);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Equal(file, error.File);
    }
}
