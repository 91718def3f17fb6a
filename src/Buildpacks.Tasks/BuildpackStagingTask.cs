using Buildpacks.Core;
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
        LockFile = "BuildpackLockFile",
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

    /// <summary>The Cloud Foundry manifest to read (<c>BuildpackManifest</c>); empty: the app directory's <c>manifest.yml</c>, when there is one.</summary>
    public string? ManifestPath { get; set; }

    /// <summary>The manifest's application to stage (<c>BuildpackManifestApplication</c>); empty: its only one.</summary>
    public string? ManifestApplication { get; set; }

    /// <summary>The platform whose contract to follow (<c>BuildpackPlatform</c>: heroku, cf, scalingo, dokku, stackato); empty: the default.</summary>
    public string? Platform { get; set; }

    /// <summary><c>BuildpackPreStagingHook</c> items: each a shell command run before the first buildpack.</summary>
    public ITaskItem[] PreStagingHooks { get; set; } = [];

    /// <summary>The <c>BuildpackPreStagingHooks</c> property: commands separated by <c>;</c> (escaped as <c>BuildpackEnvironment</c>), after the items.</summary>
    public string[] PreStagingHookList { get; set; } = [];

    /// <summary><c>BuildpackPostStagingHook</c> items: each a shell command run after the last buildpack.</summary>
    public ITaskItem[] PostStagingHooks { get; set; } = [];

    /// <summary>The <c>BuildpackPostStagingHooks</c> property, written as <see cref="PreStagingHookList"/>.</summary>
    public string[] PostStagingHookList { get; set; } = [];

    /// <summary>
    /// The lock file (<c>BuildpackLockFile</c>; the targets default it to the project's <c>buildpacks.lock.json</c>
    /// when that exists); empty: the publish folder's own, when it exists.
    /// </summary>
    public string? LockFile { get; set; }

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

    /// <summary>
    /// The shared cache of buildpacks fetched from URLs (<c>BuildpackCacheRoot</c>); empty: <c>BUILDPACKS_CACHE</c>,
    /// else <c>$XDG_CACHE_HOME/buildpacks</c>, else <c>~/.cache/buildpacks</c>.
    /// </summary>
    public string? BuildpackCacheRoot { get; set; }

    /// <summary><c>BuildpackOffline</c>: use no network, buildpack URLs only from the buildpack cache (also on when <c>BUILDPACKS_OFFLINE=1</c>).</summary>
    public bool Offline { get; set; }

    /// <summary>The engine for these settings: the buildpack cache and offline mode are engine options, not request fields.</summary>
    protected BuildpackEngine CreateEngine() => new(new BuildpackEngineOptions
    {
        BuildpackCacheDirectory = string.IsNullOrEmpty(BuildpackCacheRoot) ? null : Path.GetFullPath(BuildpackCacheRoot),
        Offline = Offline,
    });

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
            ManifestPath = ManifestPath,
            ManifestApplication = ManifestApplication,
            Platform = Platform,
            LockFile = LockFile,
            StackImage = StackImage,
            ContainerEngine = ContainerEngine,
        };
        AddAll(inputs.Buildpacks, Buildpacks);
        AddAll(inputs.Candidates, Candidates);
        AddAll(inputs.EnvironmentFiles, EnvironmentFiles);
        AddHooks(inputs.PreStagingHooks, PreStagingHooks, PreStagingHookList);
        AddHooks(inputs.PostStagingHooks, PostStagingHooks, PostStagingHookList);
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
    // A command holds ';' often: an item is one command as it is, the property's list is escaped as the variables are.
    private static void AddHooks(IList<string> hooks, ITaskItem[] items, string[] list)
    {
        foreach (var command in items.Select(item => item.ItemSpec).Concat(list.SelectMany(AssignmentList.Split)))
        {
            hooks.Add(command);
        }
    }

    private static void AddAll(IList<string> list, string[] values)
    {
        foreach (var value in values.SelectMany(value => value.Split(';')))
        {
            list.Add(value);
        }
    }
}
