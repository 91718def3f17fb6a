using System.IO.Compression;
using Buildpacks.Core.Packaging;
using Cake.Buildpacks.Tests.Support;
using Cake.Core;

namespace Cake.Buildpacks.Tests;

public sealed class BuildpackPackageAliasTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeCakeContext _context;

    public BuildpackPackageAliasTests() => _context = new FakeCakeContext(_temp.Path);

    public void Dispose() => _temp.Dispose();

    private void Buildpack(string manifest)
    {
        _temp.CreateBuildpack("bp", ("compile", "true"));
        _temp.Write("bp/VERSION", "2.0.0");
        _temp.Write("bp/manifest.yml", manifest);
    }

    [Fact]
    public void Relative_paths_are_taken_from_the_working_directory()
    {
        Buildpack("language: demo\ndependencies: []\n");

        var result = _context.BuildpackPackage(new PackageOptions { BuildpackDirectory = "bp", Output = "out/demo.zip" });

        Assert.Equal(_temp.Combine("out", "demo.zip"), result.Zip);
        using var zip = ZipFile.OpenRead(result.Zip);
        Assert.Contains(zip.Entries, e => e.FullName == "bin/compile");
    }

    [Fact]
    public void An_invalid_manifest_throws_a_CakeException_with_the_code()
    {
        Buildpack("language: demo\ndefault_versions:\n- name: x\n  version: 1.0\ndependencies: []\n");

        var error = Assert.Throws<CakeException>(() => _context.BuildpackPackage(new PackageOptions { BuildpackDirectory = "bp" }));

        Assert.Contains("BPK1403", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_temp.Combine("bp"), "*.zip"));
    }
}
