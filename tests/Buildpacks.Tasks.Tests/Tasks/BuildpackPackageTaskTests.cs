using System.IO.Compression;
using Buildpacks.Tasks.Tests.Support;

namespace Buildpacks.Tasks.Tests.Tasks;

public sealed class BuildpackPackageTaskTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _project;
    private readonly FakeBuildEngine _engine;

    public BuildpackPackageTaskTests()
    {
        _project = _temp.Write("project/Author.proj", "<Project />");
        _engine = new FakeBuildEngine(_project);
    }

    public void Dispose() => _temp.Dispose();

    private BuildpackPackageTask NewTask(string manifest)
    {
        _temp.CreateBuildpack("bp", ("compile", "true"));
        _temp.Write("bp/VERSION", "2.0.0");
        _temp.Write("bp/manifest.yml", manifest);
        return new BuildpackPackageTask { BuildEngine = _engine, ProjectFile = _project, BuildpackDirectory = "../bp", Output = "out/demo.zip", Summary = true };
    }

    [Fact]
    public void Packages_relative_to_the_project_and_describes_the_zip()
    {
        var task = NewTask("language: demo\ndefault_versions: []\ndependencies: []\n");

        Assert.True(task.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));

        var zip = _temp.Combine("project", "out", "demo.zip");
        Assert.Equal(zip, task.Package!.ItemSpec);
        Assert.Equal(Buildpacks.Core.Droplets.DropletInspector.Sha256Of(zip), task.Package.GetMetadata("Sha256"));
        Assert.Contains("| name | version | cf_stacks |", task.Package.GetMetadata("Summary"), StringComparison.Ordinal);
        Assert.Contains(_engine.Messages, m => m.Message!.Contains("| name | default version |", StringComparison.Ordinal));
        using var archive = ZipFile.OpenRead(zip);
        Assert.Contains(archive.Entries, e => e.FullName == "bin/compile");
    }

    [Fact]
    public void An_engine_error_is_a_coded_msbuild_error_on_the_manifest()
    {
        var task = NewTask("language: demo\ndefault_versions:\n- name: x\n  version: 1.0\ndependencies: []\n");

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("BPK1403", error.Code);
        Assert.Equal(_temp.Combine("bp", "manifest.yml"), error.File);
        Assert.Null(task.Package);
        Assert.False(File.Exists(_temp.Combine("project", "out", "demo.zip")));
    }

    [Fact]
    public void A_stack_with_any_stack_is_refused_with_the_engine_s_code()
    {
        var task = NewTask("language: demo\ndependencies: []\n");
        task.Stack = "cflinuxfs4";
        task.AnyStack = true;

        Assert.False(task.Execute());

        Assert.Equal("BPK1411", Assert.Single(_engine.Errors).Code);
    }
}
