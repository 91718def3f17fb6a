using Buildpacks.Tasks.Tests.Support;

namespace Buildpacks.Tasks.Tests.Tasks;

public sealed class ReadBuildpackDropletTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _project;
    private readonly FakeBuildEngine _engine;
    private readonly StageBuildpack _staged;

    public ReadBuildpackDropletTests()
    {
        _project = _temp.Write("project/App.csproj", "<Project />");
        _engine = new FakeBuildEngine(_project);
        _staged = new StageBuildpack
        {
            BuildEngine = _engine,
            ProjectFile = _project,
            AppDirectory = _temp.CreateApp("publish", ("App.dll", "")),
            DropletPath = _temp.Combine("project", "bin", "App.droplet.tgz"),
            DropletInfoFile = _temp.Combine("project", "obj", "App.buildpack.droplet.json"),
            Buildpacks = [Repository.FixtureBuildpack("recorder")],
        };
        if (!_staged.Execute())
        {
            // xunit does not dispose a test class whose constructor throws.
            _temp.Dispose();
            throw new InvalidOperationException("Staging the droplet to read failed: " + string.Join("\n", _engine.Errors.Select(e => e.Message)));
        }
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Reports_the_droplet_staging_recorded()
    {
        var read = NewTask();

        Assert.True(read.Execute());

        Assert.Equal(_staged.GeneratedDroplet!.ItemSpec, read.GeneratedDroplet!.ItemSpec);
        foreach (var name in new[] { "Sha256", "Size", "Layout", "DetectedBuildpack", "ProcessTypes" })
        {
            Assert.Equal(_staged.GeneratedDroplet.GetMetadata(name), read.GeneratedDroplet.GetMetadata(name));
        }
    }

    [Fact]
    public void A_droplet_replaced_after_staging_is_read_again()
    {
        var other = new TempDirectory();
        try
        {
            var restaged = new StageBuildpack
            {
                BuildEngine = new FakeBuildEngine(_project),
                ProjectFile = _project,
                AppDirectory = other.CreateApp("publish", ("Other.dll", "")),
                DropletPath = other.Combine("Other.droplet.tgz"),
                DropletInfoFile = other.Combine("Other.json"),
                Buildpacks = [Repository.FixtureBuildpack("recorder")],
                ProcessTypes = [new Microsoft.Build.Utilities.TaskItem("web", new Dictionary<string, string> { ["Command"] = "other-web" })],
            };
            Assert.True(restaged.Execute());
            File.Copy(restaged.DropletPath, _staged.DropletPath, overwrite: true);

            var read = NewTask();
            Assert.True(read.Execute());

            Assert.Equal(Buildpacks.Core.Droplets.DropletInspector.Sha256Of(_staged.DropletPath), read.GeneratedDroplet!.GetMetadata("Sha256"));
            Assert.Equal("web=other-web;worker=recorder-worker", read.GeneratedDroplet.GetMetadata("ProcessTypes"));
            Assert.NotEqual(_staged.GeneratedDroplet!.GetMetadata("Sha256"), read.GeneratedDroplet.GetMetadata("Sha256"));
        }
        finally
        {
            other.Dispose();
        }
    }

    [Fact]
    public void A_missing_droplet_is_a_coded_error()
    {
        File.Delete(_staged.DropletPath);
        var read = NewTask();

        Assert.False(read.Execute());

        Assert.Equal("BPK1060", Assert.Single(_engine.Errors).Code);
    }

    private ReadBuildpackDroplet NewTask() => new()
    {
        BuildEngine = _engine,
        ProjectFile = _project,
        DropletPath = _staged.DropletPath,
        DropletInfoFile = _staged.DropletInfoFile,
    };
}
