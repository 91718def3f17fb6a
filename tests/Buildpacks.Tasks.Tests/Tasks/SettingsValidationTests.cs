using Buildpacks.Tasks.Tests.Support;
using Microsoft.Build.Utilities;

namespace Buildpacks.Tasks.Tests.Tasks;

public sealed class SettingsValidationTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _project;
    private readonly FakeBuildEngine _engine;

    public SettingsValidationTests()
    {
        _project = _temp.Write("project/App.csproj", "<Project />");
        _engine = new FakeBuildEngine(_project);
    }

    public static TheoryData<string, string, string> InvalidSettings => new()
    {
        { "no buildpack", "BPK1080", "with Buildpack, or candidates to detect with BuildpackCandidates" },
        { "layout", "BPK1081", "BuildpackLayout 'docker'" },
        { "old layout alias", "BPK1081", "BuildpackLayout 'cloudfoundry'" },
        { "procfile mode", "BPK1082", "BuildpackProcfileMode 'sometimes'" },
        { "timeout", "BPK1083", "BuildpackTimeout 'soon'" },
        { "zero timeout", "BPK1083", "BuildpackTimeout '0'" },
        { "timestamp", "BPK1085", "BuildpackTimestamp 'yesterday'" },
        { "process type without command", "BPK1084", "BuildpackProcessType: the process type 'worker' has no command" },
        { "process type property entry", "BPK1084", "BuildpackProcessType: 'worker' is not TYPE=COMMAND" },
        { "variable name", "BPK1010", "'MY-SETTING'" },
        { "variable property entry", "BPK1010", "BuildpackEnvironment: 'NOVALUE' is not NAME=VALUE" },
    };

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void An_invalid_setting_is_a_coded_error_on_the_project_file(string setting, string code, string quoted)
    {
        var inputs = NewTask();
        Break(setting, inputs);

        Assert.False(inputs.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(_project, error.File);
        Assert.Equal(0, error.LineNumber);
        Assert.Contains(quoted, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(inputs.InputsFile));
    }

    [Theory]
    [InlineData("cf", "15m", "merge")]
    [InlineData("CF", "90s", "MERGE")]
    [InlineData("heroku", "00:15:00", "replace")]
    [InlineData("", "900", "")]
    [InlineData(" heroku ", "1h30m", " replace ")]
    public void Accepted_spellings_pass(string layout, string timeout, string procfileMode)
    {
        var inputs = NewTask();
        inputs.Layout = layout;
        inputs.Timeout = timeout;
        inputs.ProcfileMode = procfileMode;

        Assert.True(inputs.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));
    }

    private static void Break(string setting, ComputeBuildpackInputs task)
    {
        switch (setting)
        {
            case "no buildpack": task.Buildpacks = [" ", ""]; task.Candidates = []; break;
            case "layout": task.Layout = "docker"; break;
            case "old layout alias": task.Layout = "cloudfoundry"; break;
            case "timestamp": task.Timestamp = "yesterday"; break;
            case "process type property entry": task.ProcessTypeAssignments = ["web=run;worker"]; break;
            case "variable property entry": task.VariableAssignments = ["A=1;NOVALUE"]; break;
            case "procfile mode": task.ProcfileMode = "sometimes"; break;
            case "timeout": task.Timeout = "soon"; break;
            case "zero timeout": task.Timeout = "0"; break;
            case "process type without command": task.ProcessTypes = [new TaskItem("worker")]; break;
            case "variable name": task.EnvironmentVariables = [new TaskItem("MY-SETTING")]; break;
            default: throw new ArgumentException(setting);
        }
    }

    private ComputeBuildpackInputs NewTask() => new()
    {
        BuildEngine = _engine,
        ProjectFile = _project,
        AppDirectory = _temp.CreateApp("publish", ("App.dll", "")),
        DropletPath = _temp.Combine("project", "bin", "App.droplet.tgz"),
        InputsFile = _temp.Combine("project", "obj", "App.buildpack.inputs"),
        Buildpacks = [Repository.FixtureBuildpack("recorder")],
    };
}
