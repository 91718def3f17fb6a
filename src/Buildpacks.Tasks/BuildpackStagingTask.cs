using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Sources;
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

    /// <summary><c>BuildpackEnvironmentVariable</c> items: the item is the name, <c>Value</c> the value.</summary>
    public ITaskItem[] EnvironmentVariables { get; set; } = [];

    /// <summary><c>BuildpackProcessType</c> items: the item is the type, <c>Command</c> the command.</summary>
    public ITaskItem[] ProcessTypes { get; set; } = [];

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
        var projectDirectory = Path.GetDirectoryName(Path.GetFullPath(ProjectFile))!;
        var appDirectory = Path.GetFullPath(AppDirectory, projectDirectory);
        if (!Directory.Exists(appDirectory))
        {
            throw new BuildpackException(
                TaskErrorCodes.PublishDirectoryMissing,
                $"The publish folder '{appDirectory}' does not exist, so there is nothing to stage. Stage as part of publishing: " +
                "dotnet publish -p:StageWithBuildpack=true, or dotnet publish -t:StageBuildpackDroplet.",
                ProjectFile);
        }

        var buildpacks = References(Buildpacks, projectDirectory);
        var candidates = References(Candidates, projectDirectory);
        if (buildpacks.Count == 0 && candidates.Count == 0)
        {
            throw new BuildpackException(
                TaskErrorCodes.NoBuildpack,
                "No buildpack to stage with. Set Buildpack to a buildpack directory (e.g. -p:Buildpack=../buildpacks/dotnet), " +
                "or BuildpackCandidates to a ;-list of buildpacks to detect with.",
                ProjectFile);
        }

        return new StagingRequest
        {
            AppDirectory = appDirectory,
            OutputPath = Path.GetFullPath(DropletPath, projectDirectory),
            Buildpacks = buildpacks,
            Candidates = candidates,
            CacheDirectory = string.IsNullOrWhiteSpace(CacheDirectory) ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(CacheDirectory, projectDirectory)),
            Environment = Variables(),
            Stack = string.IsNullOrWhiteSpace(Stack) ? StagingRequest.DefaultStack : Stack.Trim(),
            Layout = ParseLayout(),
            ProcfileMode = ParseProcfileMode(),
            ProcessTypes = ProcessTypeCommands(),
            Timeout = ParseTimeout(),
            ApplicationName = string.IsNullOrWhiteSpace(ApplicationName) ? null : ApplicationName.Trim(),
        };
    }

    // Local buildpack paths are relative to the project, as every path in a project file is; URLs pass unchanged.
    // Each value is split on ';' again: MSBuild splits a list property only on a literal ';', and one escaped as %3B
    // (-p:Buildpack=a%3Bb, the command-line form, which Cake renders too) reaches the task as one string with the
    // whole list. ';' is the list separator either way, never part of a buildpack's path.
    private static List<string> References(string[] values, string projectDirectory)
    {
        return [.. values
            .SelectMany(value => value.Split(';'))
            .Select(value => value.Trim())
            .Where(value => value.Length > 0)
            .Select(value => BuildpackReference.IsLocalPath(value) ? Path.GetFullPath(value, projectDirectory) : value)];
    }

    private Dictionary<string, string> Variables()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in EnvironmentVariables)
        {
            VariableNames.EnsureValid(item.ItemSpec, ProjectFile);
            variables[item.ItemSpec] = item.GetMetadata("Value");
        }

        return variables;
    }

    private Dictionary<string, string> ProcessTypeCommands()
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in ProcessTypes)
        {
            var command = item.GetMetadata("Command");
            if (string.IsNullOrWhiteSpace(command))
            {
                throw new BuildpackException(
                    TaskErrorCodes.ProcessTypeWithoutCommand,
                    $"The BuildpackProcessType '{item.ItemSpec}' has no Command. Write it as <BuildpackProcessType Include=\"{item.ItemSpec}\" Command=\"dotnet MyApp.dll\" />.",
                    ProjectFile);
            }

            types[item.ItemSpec] = command;
        }

        return types;
    }

    private DropletLayout ParseLayout() => (Layout?.Trim().ToLowerInvariant() ?? "") switch
    {
        "" or "cf" or "cloudfoundry" => DropletLayout.CloudFoundry,
        "heroku" => DropletLayout.Heroku,
        _ => throw new BuildpackException(
            TaskErrorCodes.InvalidLayout,
            $"BuildpackLayout '{Layout}' is not a droplet layout. Use cf (a Cloud Foundry droplet) or heroku (a Heroku slug).",
            ProjectFile),
    };

    private Core.Staging.ProcfileMode ParseProcfileMode() => (ProcfileMode?.Trim().ToLowerInvariant() ?? "") switch
    {
        "" or "merge" => Core.Staging.ProcfileMode.Merge,
        "replace" => Core.Staging.ProcfileMode.ReplaceDefaults,
        _ => throw new BuildpackException(
            TaskErrorCodes.InvalidProcfileMode,
            $"BuildpackProcfileMode '{ProcfileMode}' is not known. Use merge (the Procfile overrides the buildpack's process types one by one) or replace (a Procfile drops them all).",
            ProjectFile),
    };

    private TimeSpan ParseTimeout()
    {
        if (string.IsNullOrWhiteSpace(Timeout))
        {
            return StagingRequest.DefaultTimeout;
        }

        return DurationText.TryParse(Timeout, out var timeout)
            ? timeout
            : throw new BuildpackException(
                TaskErrorCodes.InvalidTimeout,
                $"BuildpackTimeout '{Timeout}' is not a positive duration. Write e.g. 90s, 15m, 1h30m, 00:15:00 or a number of seconds.",
                ProjectFile);
    }
}
