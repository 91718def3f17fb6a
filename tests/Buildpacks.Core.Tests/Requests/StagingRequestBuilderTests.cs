using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Requests;
using Buildpacks.Core.Staging;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Requests;

public sealed class StagingRequestBuilderTests : IDisposable
{
    private static readonly StagingSettingNames DoorNames = new()
    {
        AppDirectory = "publish folder",
        AppDirectoryAdvice = "Publish first.",
        Buildpacks = "--buildpack",
        Candidates = "--candidate",
        EnvironmentVariables = "--env",
        ProcessTypes = "--process",
        Layout = "--layout",
        ProcfileMode = "--procfile-mode",
        Timeout = "--timeout",
        Timestamp = "--timestamp",
    };

    private readonly TempDirectory _temp = new();
    private readonly StagingRequestBuilder _builder;

    public StagingRequestBuilderTests()
    {
        _temp.CreateApp("app", ("index.txt", "hi"));
        _builder = new StagingRequestBuilder(_temp.Path, DoorNames);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Empty_settings_take_the_engine_defaults_and_the_droplet_is_named_after_the_app_in_the_base_directory()
    {
        var request = _builder.Build(Inputs());

        Assert.Equal(_temp.Combine("app"), request.AppDirectory);
        Assert.Equal(_temp.Combine("app.droplet.tgz"), request.OutputPath);
        Assert.Null(request.CacheDirectory);
        Assert.Equal(StagingRequest.DefaultStack, request.Stack);
        Assert.Equal(DropletLayout.CloudFoundry, request.Layout);
        Assert.Equal(ProcfileMode.Merge, request.ProcfileMode);
        Assert.Equal(StagingRequest.DefaultTimeout, request.Timeout);
        Assert.Null(request.ResultPath);
        Assert.Null(request.Timestamp);
        Assert.Null(request.ApplicationName);
    }

    [Fact]
    public void The_default_droplet_ignores_a_trailing_slash_on_the_app_directory()
    {
        var request = _builder.Build(Inputs(app: "app/"));

        Assert.Equal(_temp.Combine("app.droplet.tgz"), request.OutputPath);
        Assert.Equal(_temp.Combine("app"), request.AppDirectory);
    }

    [Fact]
    public void Relative_paths_are_read_from_the_base_directory_and_urls_pass_unchanged()
    {
        var inputs = Inputs();
        inputs.OutputPath = "out/app.tgz";
        inputs.CacheDirectory = "cache/";
        inputs.ResultPath = "out/result.json";
        inputs.Buildpacks.Clear();
        inputs.Buildpacks.Add("buildpacks/apt");
        inputs.Buildpacks.Add("https://example.com/bp.tgz");
        inputs.Buildpacks.Add(" ");
        inputs.Candidates.Add("/abs/dotnet");

        var request = _builder.Build(inputs);

        Assert.Equal(_temp.Combine("out", "app.tgz"), request.OutputPath);
        Assert.Equal(_temp.Combine("cache"), request.CacheDirectory);
        Assert.Equal(_temp.Combine("out", "result.json"), request.ResultPath);
        Assert.Equal([_temp.Combine("buildpacks", "apt"), "https://example.com/bp.tgz"], request.Buildpacks);
        Assert.Equal(["/abs/dotnet"], request.Candidates);
    }

    [Theory]
    [InlineData("cf", DropletLayout.CloudFoundry)]
    [InlineData("CF", DropletLayout.CloudFoundry)]
    [InlineData(" heroku ", DropletLayout.Heroku)]
    [InlineData("Heroku", DropletLayout.Heroku)]
    public void Layout_names_are_read_without_regard_to_case(string text, DropletLayout layout)
    {
        var inputs = Inputs();
        inputs.Layout = text;

        Assert.Equal(layout, _builder.Build(inputs).Layout);
    }

    [Theory]
    [InlineData("merge", ProcfileMode.Merge)]
    [InlineData("MERGE", ProcfileMode.Merge)]
    [InlineData("Replace", ProcfileMode.ReplaceDefaults)]
    public void Procfile_mode_names_are_read_without_regard_to_case(string text, ProcfileMode mode)
    {
        var inputs = Inputs();
        inputs.ProcfileMode = text;

        Assert.Equal(mode, _builder.Build(inputs).ProcfileMode);
    }

    [Fact]
    public void Each_name_written_by_the_engine_reads_back_as_its_value()
    {
        foreach (var layout in Enum.GetValues<DropletLayout>())
        {
            var inputs = Inputs();
            inputs.Layout = StagingNames.LayoutName(layout);
            Assert.Equal(layout, _builder.Build(inputs).Layout);
        }

        foreach (var mode in Enum.GetValues<ProcfileMode>())
        {
            var inputs = Inputs();
            inputs.ProcfileMode = StagingNames.ProcfileModeName(mode);
            Assert.Equal(mode, _builder.Build(inputs).ProcfileMode);
        }

        Assert.Equal(StagingNames.Layouts, Enum.GetValues<DropletLayout>().Select(StagingNames.LayoutName));
        Assert.Equal(StagingNames.ProcfileModes, Enum.GetValues<ProcfileMode>().Select(StagingNames.ProcfileModeName));
    }

    [Theory]
    [InlineData("1700000000", 1700000000L)]
    [InlineData("2023-11-14T22:13:20Z", 1700000000L)]
    [InlineData("2023-11-14T23:13:20+01:00", 1700000000L)]
    [InlineData("2023-11-14T22:13:20", 1700000000L)]
    public void Timestamps_are_Unix_seconds_or_ISO_8601(string text, long seconds)
    {
        var inputs = Inputs();
        inputs.Timestamp = text;

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(seconds), _builder.Build(inputs).Timestamp);
    }

    [Fact]
    public void Typed_values_written_as_text_read_back_exactly()
    {
        var timestamp = new DateTimeOffset(2024, 2, 29, 13, 14, 15, 123, TimeSpan.FromHours(2));
        var timeout = new TimeSpan(1, 2, 3, 4, 500);
        var inputs = Inputs();
        inputs.Timestamp = StagingNames.TimestampText(timestamp);
        inputs.Timeout = DurationText.Format(timeout);

        var request = _builder.Build(inputs);

        Assert.Equal(timestamp, request.Timestamp);
        Assert.Equal(timestamp.Offset, request.Timestamp!.Value.Offset);
        Assert.Equal(timeout, request.Timeout);
    }

    [Fact]
    public void Env_files_are_read_in_order_then_single_variables_win_in_order()
    {
        File.WriteAllText(_temp.Combine("first.env"), "A=first\nB=first\nC=first\n");
        File.WriteAllText(_temp.Combine("second.env"), "B=second\nC=second\n");
        var inputs = Inputs();
        inputs.EnvironmentFiles.Add("first.env");
        inputs.EnvironmentFiles.Add(_temp.Combine("second.env"));
        inputs.AddVariable("C=text=with=equals");
        inputs.AddVariable("D", "pair");
        inputs.AddVariable("D=later");

        var variables = _builder.Build(inputs).Environment;

        Assert.Equal(
            new Dictionary<string, string> { ["A"] = "first", ["B"] = "second", ["C"] = "text=with=equals", ["D"] = "later" },
            variables);
    }

    [Fact]
    public void Process_types_from_text_and_pairs_later_one_wins()
    {
        var inputs = Inputs();
        inputs.AddProcessType("web", "dotnet App.dll");
        inputs.AddProcessType("worker=dotnet App.dll --worker=yes");
        inputs.AddProcessType("web=dotnet App.dll --urls http://0.0.0.0:$PORT");

        var types = _builder.Build(inputs).ProcessTypes;

        Assert.Equal(
            new Dictionary<string, string> { ["web"] = "dotnet App.dll --urls http://0.0.0.0:$PORT", ["worker"] = "dotnet App.dll --worker=yes" },
            types);
    }

    public static TheoryData<string, string, string> InvalidSettings => new()
    {
        { "missing app", ErrorCodes.AppDirectoryNotFound, "The publish folder '" },
        { "no buildpack", ErrorCodes.NoBuildpack, "--buildpack, or candidates to detect with --candidate" },
        { "layout", ErrorCodes.InvalidLayout, "--layout 'docker'" },
        { "old layout alias", ErrorCodes.InvalidLayout, "--layout 'cloudfoundry'" },
        { "procfile mode", ErrorCodes.InvalidProcfileMode, "--procfile-mode 'sometimes'" },
        { "timeout", ErrorCodes.InvalidTimeout, "--timeout 'soon'" },
        { "zero timeout", ErrorCodes.InvalidTimeout, "--timeout '0'" },
        { "timestamp", ErrorCodes.InvalidTimestamp, "--timestamp 'yesterday'" },
        { "variable text", ErrorCodes.InvalidVariableName, "--env: 'NOVALUE' is not NAME=VALUE" },
        { "variable name", ErrorCodes.InvalidVariableName, "'MY-SETTING'" },
        { "process type text", ErrorCodes.InvalidProcessType, "--process: 'web' is not TYPE=COMMAND" },
        { "process type name", ErrorCodes.InvalidProcessType, "--process: 'web server' is not a valid process type" },
        { "process type without command", ErrorCodes.InvalidProcessType, "--process: the process type 'worker' has no command" },
        { "missing env file", ErrorCodes.InvalidEnvFile, "missing.env" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void An_invalid_setting_is_a_coded_error_in_the_doors_words(string setting, string code, string message)
    {
        var inputs = Inputs();
        Break(setting, inputs);

        var error = Assert.Throws<BuildpackException>(() => _builder.Build(inputs));

        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_app_directory_says_what_the_door_advises_and_names_no_file()
    {
        var error = Assert.Throws<BuildpackException>(() => _builder.Build(Inputs(app: "not-published")));

        Assert.Equal($"The publish folder '{_temp.Combine("not-published")}' does not exist. Publish first.", error.Message);
        Assert.Null(error.File);
    }

    [Fact]
    public void Detection_needs_an_app_and_a_candidate_and_resolves_both()
    {
        var detection = _builder.BuildDetection("app", ["bp/node", "", "git@example.com:bp.git"]);

        Assert.Equal(_temp.Combine("app"), detection.AppDirectory);
        Assert.Equal([_temp.Combine("bp", "node"), "git@example.com:bp.git"], detection.Candidates);
        Assert.Equal(ErrorCodes.NoBuildpack, Assert.Throws<BuildpackException>(() => _builder.BuildDetection("app", [" "])).Code);
        Assert.Equal(ErrorCodes.AppDirectoryNotFound, Assert.Throws<BuildpackException>(() => _builder.BuildDetection("nope", ["bp"])).Code);
    }

    [Fact]
    public void A_request_built_without_the_builder_is_checked_by_the_same_rules()
    {
        var request = new StagingRequest { AppDirectory = _temp.Combine("app"), OutputPath = _temp.Combine("x.tgz") };

        var error = Assert.Throws<BuildpackException>(() => StagingRequestBuilder.Validate(request));

        Assert.Equal(ErrorCodes.NoBuildpack, error.Code);
        Assert.Contains("with Buildpacks, or candidates to detect with Candidates", error.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.InvalidTimeout, Assert.Throws<BuildpackException>(() => StagingRequestBuilder.Validate(request with { Buildpacks = ["/bp"], Timeout = TimeSpan.Zero })).Code);
    }

    private static void Break(string setting, StagingInputs inputs)
    {
        switch (setting)
        {
            case "missing app": inputs.AppDirectory = "nope"; break;
            case "no buildpack": inputs.Buildpacks.Clear(); inputs.Buildpacks.Add(""); break;
            case "layout": inputs.Layout = "docker"; break;
            case "old layout alias": inputs.Layout = "cloudfoundry"; break;
            case "procfile mode": inputs.ProcfileMode = "sometimes"; break;
            case "timeout": inputs.Timeout = "soon"; break;
            case "zero timeout": inputs.Timeout = "0"; break;
            case "timestamp": inputs.Timestamp = "yesterday"; break;
            case "variable text": inputs.AddVariable("NOVALUE"); break;
            case "variable name": inputs.AddVariable("MY-SETTING", "x"); break;
            case "process type text": inputs.AddProcessType("web"); break;
            case "process type name": inputs.AddProcessType("web server", "run"); break;
            case "process type without command": inputs.AddProcessType("worker="); break;
            case "missing env file": inputs.EnvironmentFiles.Add("missing.env"); break;
            default: throw new ArgumentException(setting);
        }
    }

    private static StagingInputs Inputs(string app = "app")
    {
        var inputs = new StagingInputs { AppDirectory = app };
        inputs.Buildpacks.Add("/buildpacks/dotnet");
        return inputs;
    }
}
