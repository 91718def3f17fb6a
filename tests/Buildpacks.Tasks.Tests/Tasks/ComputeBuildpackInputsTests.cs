using Buildpacks.Tasks.Tests.Support;
using Microsoft.Build.Utilities;

namespace Buildpacks.Tasks.Tests.Tasks;

public sealed class ComputeBuildpackInputsTests : IDisposable
{
    private static readonly DateTime LongAgo = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly TempDirectory _temp = new();
    private readonly string _project;
    private readonly string _app;
    private readonly string _buildpack;
    private readonly string _envFile;
    private readonly FakeBuildEngine _engine;

    public ComputeBuildpackInputsTests()
    {
        _project = _temp.Write("project/App.csproj", "<Project />");
        _engine = new FakeBuildEngine(_project);
        _app = _temp.CreateApp("publish", ("App.dll", "v1"), ("wwwroot/site.css", "body {}"), ("web.config", "<configuration />"));
        _buildpack = _temp.CreateBuildpack("buildpack", ("compile", "echo compile"), ("detect", "exit 0"));
        _envFile = _temp.Write("project/staging.env", "FROM_FILE=1\n");
    }

    public static TheoryData<string> Changes => new()
    {
        "published file content",
        "published file added",
        "published file removed",
        "published file made executable",
        "buildpack script content",
        "buildpack file added",
        "environment value",
        "environment variable added",
        "process type command",
        "stack",
        "layout",
        "procfile mode",
        "cache directory",
        "droplet path",
        "buildpack list",
        "candidates",
        "application name",
        "result path",
        "timestamp",
        "environment property",
        "process type property",
        "environment file added",
        "environment file content",
    };

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Writes_the_inputs_file_when_it_is_missing()
    {
        var task = NewTask();

        Assert.True(task.Execute());

        Assert.StartsWith("sha256:", task.Fingerprint, StringComparison.Ordinal);
        Assert.Contains(task.Fingerprint, File.ReadAllText(task.InputsFile), StringComparison.Ordinal);
    }

    [Fact]
    public void Leaves_the_inputs_file_untouched_when_nothing_changed()
    {
        var first = NewTask();
        Assert.True(first.Execute());
        File.SetLastWriteTimeUtc(first.InputsFile, LongAgo);

        var second = NewTask();
        Assert.True(second.Execute());

        Assert.Equal(first.Fingerprint, second.Fingerprint);
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(second.InputsFile));
    }

    [Fact]
    public void Time_stamps_alone_do_not_count_as_a_change()
    {
        // dotnet publish rewrites web.config with the same bytes on every run.
        var first = NewTask();
        Assert.True(first.Execute());
        File.SetLastWriteTimeUtc(first.InputsFile, LongAgo);
        File.WriteAllText(Path.Combine(_app, "web.config"), "<configuration />");
        File.SetLastWriteTimeUtc(Path.Combine(_app, "App.dll"), DateTime.UtcNow.AddMinutes(5));
        File.SetLastWriteTimeUtc(Path.Combine(_buildpack, "bin", "compile"), DateTime.UtcNow.AddMinutes(5));

        var second = NewTask();
        Assert.True(second.Execute());

        Assert.Equal(first.Fingerprint, second.Fingerprint);
        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(second.InputsFile));
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void Any_change_of_an_input_rewrites_the_inputs_file(string change)
    {
        var first = NewTask();
        Assert.True(first.Execute());
        File.SetLastWriteTimeUtc(first.InputsFile, LongAgo);

        var second = NewTask();
        Apply(change, second);
        Assert.True(second.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));

        Assert.NotEqual(first.Fingerprint, second.Fingerprint);
        Assert.NotEqual(LongAgo, File.GetLastWriteTimeUtc(second.InputsFile));
        Assert.Contains(second.Fingerprint, File.ReadAllText(second.InputsFile), StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_timeout_alone_does_not_stage_again()
    {
        // It only bounds how long staging runs; a staging that ran out of time left no droplet to keep.
        var first = NewTask();
        Assert.True(first.Execute());

        var second = NewTask();
        second.Timeout = "20m";
        Assert.True(second.Execute());

        Assert.Equal(first.Fingerprint, second.Fingerprint);
    }

    [Fact]
    public void A_droplet_written_inside_the_publish_folder_is_not_an_input()
    {
        var first = NewTask();
        first.DropletPath = Path.Combine(_app, "App.droplet.tgz");
        Assert.True(first.Execute());

        File.WriteAllText(first.DropletPath, "a droplet");
        var second = NewTask();
        second.DropletPath = first.DropletPath;
        Assert.True(second.Execute());

        Assert.Equal(first.Fingerprint, second.Fingerprint);
    }

    [Fact]
    public void A_missing_publish_folder_is_a_coded_error_on_the_project()
    {
        var task = NewTask();
        task.AppDirectory = _temp.Combine("not-published");

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("BPK1001", error.Code);
        Assert.Equal(_project, error.File);
        Assert.Contains("dotnet publish -p:StageWithBuildpack=true", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(task.InputsFile));
    }

    private void Apply(string change, ComputeBuildpackInputs task)
    {
        switch (change)
        {
            case "published file content": File.WriteAllText(Path.Combine(_app, "App.dll"), "v2"); break;
            case "published file added": File.WriteAllText(Path.Combine(_app, "wwwroot", "new.js"), ""); break;
            case "published file removed": File.Delete(Path.Combine(_app, "wwwroot", "site.css")); break;
            case "published file made executable": File.SetUnixFileMode(Path.Combine(_app, "App.dll"), File.GetUnixFileMode(Path.Combine(_app, "App.dll")) | UnixFileMode.UserExecute); break;
            case "buildpack script content": File.AppendAllText(Path.Combine(_buildpack, "bin", "compile"), "echo more\n"); break;
            case "buildpack file added": File.WriteAllText(Path.Combine(_buildpack, "VERSION"), "1.0.1"); break;
            case "environment value": task.EnvironmentVariables = [Item("GREETING", "Value", "bye")]; break;
            case "environment variable added": task.EnvironmentVariables = [Item("GREETING", "Value", "hello"), Item("OTHER", "Value", "")]; break;
            case "process type command": task.ProcessTypes = [Item("web", "Command", "dotnet App.dll --verbose")]; break;
            case "stack": task.Stack = "cflinuxfs4"; break;
            case "layout": task.Layout = "heroku"; break;
            case "procfile mode": task.ProcfileMode = "replace"; break;
            case "cache directory": task.CacheDirectory = _temp.Combine("other-cache"); break;
            case "droplet path": task.DropletPath = _temp.Combine("project", "bin", "Other.droplet.tgz"); break;
            case "buildpack list": task.Buildpacks = [_buildpack, Repository.FixtureBuildpack("recorder")]; break;
            case "candidates": task.Candidates = [Repository.FixtureBuildpack("never")]; break;
            case "application name": task.ApplicationName = "renamed"; break;
            case "result path": task.ResultPath = _temp.Combine("project", "bin", "result.json"); break;
            case "timestamp": task.Timestamp = "1700000000"; break;
            case "environment property": task.VariableAssignments = ["GREETING=bye"]; break;
            case "process type property": task.ProcessTypeAssignments = ["web=dotnet App.dll --verbose"]; break;
            case "environment file added": task.EnvironmentFiles = [_envFile, _temp.Write("project/more.env", "MORE=1\n")]; break;
            case "environment file content": File.WriteAllText(_envFile, "FROM_FILE=2\n"); break;
            default: throw new ArgumentException(change);
        }
    }

    private ComputeBuildpackInputs NewTask() => new()
    {
        BuildEngine = _engine,
        ProjectFile = _project,
        AppDirectory = _app,
        DropletPath = _temp.Combine("project", "bin", "App.droplet.tgz"),
        InputsFile = _temp.Combine("project", "obj", "App.buildpack.inputs"),
        Buildpacks = [_buildpack],
        CacheDirectory = _temp.Combine("project", "obj", "buildpack-cache"),
        ApplicationName = "App",
        EnvironmentVariables = [Item("GREETING", "Value", "hello")],
        ProcessTypes = [Item("web", "Command", "dotnet App.dll")],
        EnvironmentFiles = ["staging.env"],
    };

    private static TaskItem Item(string name, string metadata, string value)
    {
        var item = new TaskItem(name);
        item.SetMetadata(metadata, value);
        return item;
    }
}
