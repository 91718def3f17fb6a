using Buildpacks.Tasks.Tests.Support;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Buildpacks.Tasks.Tests.Tasks;

public sealed class StageBuildpackTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _project;
    private readonly FakeBuildEngine _engine;

    public StageBuildpackTests()
    {
        _project = _temp.Write("project/App.csproj", "<Project />");
        _engine = new FakeBuildEngine(_project);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Stages_the_app_and_describes_the_droplet_in_the_output_item()
    {
        var task = NewTask(App(), Repository.FixtureBuildpack("recorder"));

        Assert.True(task.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));

        var droplet = task.GeneratedDroplet!;
        Assert.Equal(task.DropletPath, droplet.ItemSpec);
        Assert.Equal(Buildpacks.Core.Droplets.DropletInspector.Sha256Of(task.DropletPath), droplet.GetMetadata("Sha256"));
        Assert.Equal(new FileInfo(task.DropletPath).Length.ToString(System.Globalization.CultureInfo.InvariantCulture), droplet.GetMetadata("Size"));
        Assert.Equal("recorder", droplet.GetMetadata("DetectedBuildpack"));
        Assert.Equal("cf", droplet.GetMetadata("Layout"));
        Assert.Equal("web=recorder-web --marker=written-by-compile;worker=recorder-worker", droplet.GetMetadata("ProcessTypes"));
        Assert.True(File.Exists(task.DropletInfoFile));
        Assert.Empty(_engine.Errors);
    }

    [Fact]
    public void Streams_a_header_per_phase_and_each_output_line_at_normal_importance_from_the_task_thread()
    {
        var task = NewTask(App(), Repository.FixtureBuildpack("recorder"));
        var thread = Environment.CurrentManagedThreadId;

        Assert.True(task.Execute());

        var messages = _engine.Messages.Select(m => (m.Message, m.Importance)).ToList();
        var header = messages.FindIndex(m => m.Message == "==> compile: recorder");
        var line = messages.FindIndex(m => m.Message == "compiling app");
        var stderr = messages.FindIndex(m => m.Message == "a warning on stderr");
        Assert.True(header >= 0 && line > header && stderr > header, string.Join("\n", messages));
        Assert.Equal(MessageImportance.Normal, messages[header].Importance);
        Assert.Equal(MessageImportance.Normal, messages[line].Importance);
        Assert.Contains(messages, m => m.Message == "==> release: recorder");
        Assert.Contains(messages, m => m.Message == "==> pack");
        Assert.DoesNotContain(messages, m => m.Importance == MessageImportance.High);
        Assert.All(_engine.Events, e => Assert.Equal(thread, e.ThreadId));
    }

    [Fact]
    public void Environment_items_reach_the_env_dir_and_process_type_items_win()
    {
        var task = NewTask(App(), Repository.FixtureBuildpack("recorder"));
        task.EnvironmentVariables = [Item("GREETING", "Value", "hello world"), Item("EMPTY", "Value", "")];
        task.ProcessTypes = [Item("web", "Command", "dotnet App.dll --urls http://0.0.0.0:$PORT"), Item("clock", "Command", "dotnet App.dll clock")];

        Assert.True(task.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));

        var envdir = DropletContents.TextOf(task.DropletPath, "./app/.recorded/envdir");
        Assert.Contains("GREETING=hello world\n", envdir, StringComparison.Ordinal);
        Assert.Contains("EMPTY=\n", envdir, StringComparison.Ordinal);
        Assert.Equal(
            "clock=dotnet App.dll clock;web=dotnet App.dll --urls http://0.0.0.0:$PORT;worker=recorder-worker",
            task.GeneratedDroplet!.GetMetadata("ProcessTypes"));
    }

    [Fact]
    public void Settings_reach_the_engine()
    {
        var task = NewTask(App(), Repository.FixtureBuildpack("recorder"));
        task.Stack = "cflinuxfs4";
        task.Layout = "heroku";
        task.ApplicationName = "hello-app";
        task.CacheDirectory = _temp.Combine("cache") + "/";

        Assert.True(task.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));

        var env = DropletContents.TextOf(task.DropletPath, "./.recorded/env");
        Assert.Contains("STACK=cflinuxfs4\n", env, StringComparison.Ordinal);
        Assert.Contains("\"application_name\":\"hello-app\"", env, StringComparison.Ordinal);
        Assert.Equal("heroku", task.GeneratedDroplet!.GetMetadata("Layout"));
        Assert.Equal("1\n", File.ReadAllText(_temp.Combine("cache", "count")));
    }

    [Fact]
    public void Result_path_time_stamp_env_files_and_the_list_properties_reach_the_engine()
    {
        _temp.Write("project/first.env", "FROM_FILE=first\nBOTH=file\nOVERRIDDEN=file\n");
        _temp.Write("project/second.env", "BOTH=second\n");
        var task = NewTask(App(), Repository.FixtureBuildpack("recorder"));
        task.ResultPath = _temp.Combine("project", "out", "result.json");
        task.Timestamp = "2023-11-14T22:13:20Z";
        task.EnvironmentFiles = ["first.env", "second.env"];
        task.EnvironmentVariables = [Item("OVERRIDDEN", "Value", "item"), Item("ITEM", "Value", "item")];
        // What MSBuild hands over for <BuildpackEnvironment>SEMI=a%253Bb;PERCENT=100%2525</BuildpackEnvironment>.
        task.VariableAssignments = ["OVERRIDDEN=property;SEMI=a%3Bb", "PERCENT=100%25"];
        task.ProcessTypeAssignments = ["clock=dotnet App.dll clock;web=dotnet App.dll --urls=http://0.0.0.0:$PORT"];

        Assert.True(task.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));

        Assert.Equal(
            "BOTH=second\nFROM_FILE=first\nITEM=item\nOVERRIDDEN=property\nPERCENT=100%\nSEMI=a;b\n",
            DropletContents.TextOf(task.DropletPath, "./app/.recorded/envdir"));
        Assert.Equal(
            "clock=dotnet App.dll clock;web=dotnet App.dll --urls=http://0.0.0.0:$PORT;worker=recorder-worker",
            task.GeneratedDroplet!.GetMetadata("ProcessTypes"));
        using var result = System.Text.Json.JsonDocument.Parse(File.ReadAllText(task.ResultPath));
        Assert.Equal("dotnet App.dll clock", result.RootElement.GetProperty("process_types").GetProperty("clock").GetString());
        Assert.Equal([DateTimeOffset.FromUnixTimeSeconds(1700000000)], EntryTimes(task.DropletPath));
    }

    [Fact]
    public void Relative_buildpack_paths_are_relative_to_the_project()
    {
        var buildpack = _temp.CreateBuildpack("project/buildpacks/tiny", ("compile", "echo tiny compile"), ("release", "echo '--- {default_process_types: {web: tiny}}'"));
        var task = NewTask(App(), "buildpacks/tiny");

        Assert.True(task.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));

        Assert.Equal("web=tiny", task.GeneratedDroplet!.GetMetadata("ProcessTypes"));
        Assert.True(Directory.Exists(buildpack));
    }

    [Fact]
    public void A_failing_buildpack_is_a_coded_error_on_its_script_and_leaves_no_droplet()
    {
        var task = NewTask(App(("fail-compile", "")), Repository.FixtureBuildpack("recorder"));

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("BPK1021", error.Code);
        Assert.Equal(Path.Combine(Repository.FixtureBuildpack("recorder"), "bin", "compile"), error.File);
        Assert.Equal(1, error.LineNumber);
        Assert.Contains("exit code 7", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(task.DropletPath));
        Assert.False(File.Exists(task.DropletInfoFile));
        Assert.Null(task.GeneratedDroplet);
    }

    [Fact]
    public void A_cache_inside_the_publish_folder_is_the_engine_coded_error_and_the_folder_stays_as_it_was()
    {
        var task = NewTask(App(), Repository.FixtureBuildpack("recorder"));
        task.CacheDirectory = Path.Combine(task.AppDirectory, "cache");
        var before = TreeState.Of(task.AppDirectory);

        Assert.False(task.Execute());

        Assert.Equal("BPK1071", Assert.Single(_engine.Errors).Code);
        Assert.Equal(before, TreeState.Of(task.AppDirectory));
        Assert.False(File.Exists(task.DropletPath));
    }

    [Fact]
    public void At_minimal_verbosity_a_failure_shows_the_last_lines_of_output_first()
    {
        _engine.Verbosity = MessageImportance.High;
        var task = NewTask(App(("fail-compile", "")), Repository.FixtureBuildpack("recorder"));

        Assert.False(task.Execute());

        var shown = _engine.Messages.Where(m => m.Importance == MessageImportance.High).Select(m => m.Message).ToList();
        // stdout and stderr are separate pipes, so their lines may interleave either way.
        Assert.Equal("Last lines of the buildpack's output:", shown[0]);
        Assert.Equal(["  a warning on stderr", "  compile failed on purpose", "  compiling app"], shown.Skip(1).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void At_normal_verbosity_a_failure_does_not_repeat_the_output()
    {
        var task = NewTask(App(("fail-compile", "")), Repository.FixtureBuildpack("recorder"));

        Assert.False(task.Execute());

        Assert.DoesNotContain(_engine.Messages, m => m.Importance == MessageImportance.High);
    }

    [Fact]
    public void Engine_warnings_keep_their_code_and_file()
    {
        var task = NewTask(App(("release.yml", "--- {default_process_types: {worker: w}}"), ("Procfile", "clock: tick\n")), Repository.FixtureBuildpack("recorder"));

        Assert.True(task.Execute());

        var warning = Assert.Single(_engine.Warnings);
        Assert.Equal("BPK2001", warning.Code);
        Assert.Equal(Path.Combine(task.AppDirectory, "Procfile"), warning.File);
    }

    [Fact]
    public void Engine_warnings_about_no_file_point_at_the_project()
    {
        var task = NewTask(App(("release.yml", "--- {default_process_types: {worker: w}}")), Repository.FixtureBuildpack("recorder"));

        Assert.True(task.Execute());

        var warning = Assert.Single(_engine.Warnings);
        Assert.Equal("BPK2001", warning.Code);
        Assert.Equal(task.ProjectFile, warning.File);
    }

    [Fact]
    public void Cancel_stops_the_buildpack_process_tree_and_writes_no_droplet()
    {
        var pidFile = _temp.Combine("pids");
        var task = NewTask(App(), Repository.FixtureBuildpack("slow"));
        task.EnvironmentVariables = [Item("SLOW_PID_FILE", "Value", pidFile)];
        task.Timeout = "60s"; // if Cancel did nothing, the timeout (BPK1040) ends the test instead of a hang
        var pids = new List<int>();
        _engine.OnMessage = message =>
        {
            if (message.Message == "slow compile started")
            {
                pids.AddRange(ProcessState.WithVariable("SLOW_PID_FILE", pidFile));

                // MSBuild calls Cancel from another thread while Execute runs.
                ThreadPool.QueueUserWorkItem(_ => task.Cancel());
            }
        };

        Assert.False(task.Execute());

        Assert.Equal("BPK1041", Assert.Single(_engine.Errors).Code);
        Assert.False(File.Exists(task.DropletPath));
        Assert.True(pids.Count >= 2, $"found {pids.Count} processes of the compile while it ran");
        Assert.All(pids, pid => Assert.False(ProcessState.IsRunning(pid), $"process {pid} still runs"));
    }

    [Fact]
    public void A_git_url_buildpack_is_fetched_into_the_BuildpackCacheRoot_and_BuildpackOffline_serves_only_from_it()
    {
        var repo = GitRepo.Create(_temp.Combine("repo.git"), "from-git");
        repo.Git("tag", "v1");
        var cacheRoot = _temp.Combine("bpcache");
        var task = NewTask(App(), repo.FileUrl + "#v1");
        task.BuildpackCacheRoot = cacheRoot;

        Assert.True(task.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));
        Assert.Single(Directory.GetDirectories(Path.Combine(cacheRoot, "entries")));

        var offline = NewTask(App(), repo.FileUrl + "#main");
        offline.BuildpackCacheRoot = cacheRoot;
        offline.Offline = true;
        Assert.False(offline.Execute());
        Assert.Contains(_engine.Errors, e => e.Code == "BPK1148");
    }

    private StageBuildpack NewTask(string app, params string[] buildpacks) => new()
    {
        BuildEngine = _engine,
        ProjectFile = _project,
        AppDirectory = app,
        DropletPath = _temp.Combine("project", "bin", "App.droplet.tgz"),
        DropletInfoFile = _temp.Combine("project", "obj", "App.buildpack.droplet.json"),
        Buildpacks = buildpacks,
        ApplicationName = "App",
    };

    private string App(params (string Path, string Content)[] extra) =>
        _temp.CreateApp("app", [("App.dll", "not really an assembly"), .. extra]);

    private static DateTimeOffset[] EntryTimes(string droplet)
    {
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(droplet), System.IO.Compression.CompressionMode.Decompress);
        using var tar = new System.Formats.Tar.TarReader(gzip);
        var times = new HashSet<DateTimeOffset>();
        while (tar.GetNextEntry() is { } entry)
        {
            times.Add(entry.ModificationTime);
        }

        return [.. times];
    }

    private static TaskItem Item(string name, string metadata, string value)
    {
        var item = new TaskItem(name);
        item.SetMetadata(metadata, value);
        return item;
    }
}
