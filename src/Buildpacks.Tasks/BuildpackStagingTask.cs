using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Requests;
using Buildpacks.Core.Staging;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Buildpacks.Tasks;

/// <summary>
/// The parameters every staging task shares, and their mapping to one <see cref="StagingRequest"/>:
/// the inputs hash and the staging itself must see exactly the same request.
/// </summary>
public abstract class BuildpackStagingTask : Microsoft.Build.Utilities.Task
{
    /// <summary>The settings as a project file or <c>-p:</c> names them, for the engine's errors.</summary>
    private static readonly StagingSettingNames Names = new()
    {
        AppDirectory = "publish folder",
        AppDirectoryAdvice = "Stage as part of publishing: dotnet publish -p:StageWithBuildpack=true, or dotnet publish -t:StageBuildpackDroplet.",
        Buildpacks = "Buildpack",
        Candidates = "BuildpackCandidates",
        EnvironmentVariables = "BuildpackEnvironment",
        ProcessTypes = "BuildpackProcessType",
        Layout = "BuildpackLayout",
        ProcfileMode = "BuildpackProcfileMode",
        Timeout = "BuildpackTimeout",
        Timestamp = "BuildpackTimestamp",
        ContainerEngine = "BuildpackContainerEngine",
    };

    /// <summary>The folder to stage: the publish folder.</summary>
    [Required]
    public string AppDirectory { get; set; } = "";

    /// <summary>The droplet to write.</summary>
    [Required]
    public string DropletPath { get; set; } = "";

    /// <summary>Buildpacks to use without detection (supply..., final). Relative paths are relative to the project.</summary>
    public string[] Buildpacks { get; set; } = [];

    /// <summary>Candidates for detection, in order, when <see cref="Buildpacks"/> is empty.</summary>
    public string[] Candidates { get; set; } = [];

    /// <summary>The stack name given to buildpacks; empty: the engine's default.</summary>
    public string? Stack { get; set; }

    /// <summary>The cache directory kept between stagings; empty: a throwaway cache.</summary>
    public string? CacheDirectory { get; set; }

    /// <summary><c>cf</c> or <c>heroku</c>; empty: <c>cf</c>.</summary>
    public string? Layout { get; set; }

    /// <summary>How long staging may take (<c>15m</c>, <c>00:15:00</c>, seconds); empty: the engine's default.</summary>
    public string? Timeout { get; set; }

    /// <summary><c>merge</c> or <c>replace</c>; empty: <c>merge</c>.</summary>
    public string? ProcfileMode { get; set; }

    /// <summary>The application name given to buildpacks in <c>VCAP_APPLICATION</c>.</summary>
    public string? ApplicationName { get; set; }

    /// <summary>Where to also write Cloud Foundry's <c>result.json</c>; empty: nowhere.</summary>
    public string? ResultPath { get; set; }

    /// <summary>The time of every droplet entry: Unix seconds or ISO 8601; empty: <c>SOURCE_DATE_EPOCH</c> or a fixed date.</summary>
    public string? Timestamp { get; set; }

    /// <summary>A stack image to stage in, as its non-root user; empty: stage on this machine.</summary>
    public string? StackImage { get; set; }

    /// <summary><c>docker</c> or <c>podman</c>: the CLI for <see cref="StackImage"/>; empty: <c>docker</c>.</summary>
    public string? ContainerEngine { get; set; }

    /// <summary>Env files (<c>BuildpackEnvironmentFile</c> items, then the property's <c>;</c> list), read in order.</summary>
    public string[] EnvironmentFiles { get; set; } = [];

    /// <summary><c>BuildpackEnvironmentVariable</c> items: the item is the name, <c>Value</c> the value.</summary>
    public ITaskItem[] EnvironmentVariables { get; set; } = [];

    /// <summary>The <c>BuildpackEnvironment</c> property: <c>NAME=VALUE</c> entries separated by <c>;</c>; they win over the items.</summary>
    public string[] VariableAssignments { get; set; } = [];

    /// <summary><c>BuildpackProcessType</c> items: the item is the type, <c>Command</c> the command.</summary>
    public ITaskItem[] ProcessTypes { get; set; } = [];

    /// <summary>The <c>BuildpackProcessTypes</c> property: <c>TYPE=COMMAND</c> entries separated by <c>;</c>; they win over the items.</summary>
    public string[] ProcessTypeAssignments { get; set; } = [];

    /// <summary>
    /// The project being published: relative buildpack paths are relative to it, and diagnostics about its
    /// settings name it. (<c>IBuildEngine.ProjectFileOfTaskNode</c> would name the package's .targets file.)
    /// </summary>
    [Required]
    public string ProjectFile { get; set; } = "";

    /// <summary>Builds the request, or logs a coded error naming the project file and returns null.</summary>
    protected StagingRequest? CreateRequest()
    {
        try
        {
            return BuildRequest();
        }
        catch (BuildpackException ex)
        {
            LogError(ex);
            return null;
        }
    }

    /// <summary>Logs an engine or door failure as a coded MSBuild error; without a file of its own it names the project.</summary>
    protected void LogError(BuildpackException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        LogDiagnostic(Log, error.Code, error.Message, error.File, ProjectFile, isError: true);
    }

    /// <summary>
    /// Logs a failure nobody expected as one coded error (BPK1119, or BPK1078 for the file system) instead of MSBuild's
    /// MSB4018 with a stack trace; the stack trace goes to the detailed log (<c>-v:d</c>) for a bug report.
    /// </summary>
    protected void LogUnexpected(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        LogError(BuildpackException.FromUnexpected(exception));
        Log.LogMessage(MessageImportance.Low, "{0}", exception.ToString());
    }

    /// <summary>
    /// Logs a coded warning or error. A file other than the project gets line 1, so the console shows
    /// <c>file(1): error BPK1021: ...</c>, the form CI problem matchers (actions/setup-dotnet) turn into annotations.
    /// </summary>
    internal static void LogDiagnostic(TaskLoggingHelper log, string code, string message, string? file, string projectFile, bool isError)
    {
        var target = string.IsNullOrEmpty(file) ? projectFile : file;
        var line = target != projectFile && File.Exists(target) ? 1 : 0;
        if (isError)
        {
            log.LogError(null, code, null, target, line, 0, 0, 0, "{0}", message);
        }
        else
        {
            log.LogWarning(null, code, null, target, line, 0, 0, 0, "{0}", message);
        }
    }

    private StagingRequest BuildRequest()
    {
        var inputs = new StagingInputs
        {
            AppDirectory = AppDirectory,
            OutputPath = DropletPath,
            CacheDirectory = CacheDirectory,
            Stack = Stack,
            Layout = Layout,
            ProcfileMode = ProcfileMode,
            Timeout = Timeout,
            ResultPath = ResultPath,
            Timestamp = Timestamp,
            ApplicationName = ApplicationName,
            StackImage = StackImage,
            ContainerEngine = ContainerEngine,
        };
        AddAll(inputs.Buildpacks, Buildpacks);
        AddAll(inputs.Candidates, Candidates);
        AddAll(inputs.EnvironmentFiles, EnvironmentFiles);
        foreach (var item in EnvironmentVariables)
        {
            inputs.AddVariable(item.ItemSpec, item.GetMetadata("Value"));
        }

        foreach (var assignment in VariableAssignments.SelectMany(AssignmentList.Split))
        {
            inputs.AddVariable(assignment);
        }

        foreach (var item in ProcessTypes)
        {
            inputs.AddProcessType(item.ItemSpec, item.GetMetadata("Command"));
        }

        foreach (var assignment in ProcessTypeAssignments.SelectMany(AssignmentList.Split))
        {
            inputs.AddProcessType(assignment);
        }

        var projectDirectory = Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!;
        return new StagingRequestBuilder(projectDirectory, Names).Build(inputs);
    }

    // Each value is split on ';' again: MSBuild splits a list property only on a literal ';', and one escaped as %3B
    // (-p:Buildpack=a%3Bb, the command-line form, which Cake renders too) reaches the task as one string with the
    // whole list. ';' is the list separator either way, never part of a buildpack's path or an env file's.
    private static void AddAll(IList<string> list, string[] values)
    {
        foreach (var value in values.SelectMany(value => value.Split(';')))
        {
            list.Add(value);
        }
    }
}
