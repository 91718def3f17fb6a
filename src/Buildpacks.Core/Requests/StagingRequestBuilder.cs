using Buildpacks.Core.Declared;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Sources;
using Buildpacks.Core.Staging;
using Buildpacks.Core.Staging.Planning;

namespace Buildpacks.Core.Requests;

/// <summary>
/// Turns a door's settings into a checked <see cref="StagingRequest"/>: names read, defaults applied, relative
/// paths made full against the door's base directory (the current directory, the project, Cake's working
/// directory), env files merged. Every door binds its inputs here, so every door reads them the same way.
/// </summary>
public sealed class StagingRequestBuilder
{

    private readonly string _baseDirectory;
    private readonly StagingSettingNames _names;

    /// <summary>Creates a builder that reads relative paths from <paramref name="baseDirectory"/> and names settings as <paramref name="names"/> says.</summary>
    public StagingRequestBuilder(string baseDirectory, StagingSettingNames? names = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseDirectory);
        _baseDirectory = Path.GetFullPath(baseDirectory);
        _names = names ?? StagingSettingNames.Default;
    }

    /// <summary>Builds the request, or throws a coded <see cref="BuildpackException"/> naming the setting at fault.</summary>
    public StagingRequest Build(StagingInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var appDirectory = AppDirectory(inputs.AppDirectory);
        var platform = ParsePlatform(inputs.Platform);
        var profile = PlatformProfile.Of(platform);
        var request = new StagingRequest
        {
            AppDirectory = appDirectory,
            OutputPath = Blank(inputs.OutputPath) ? DefaultDropletPath(appDirectory) : FullPath(inputs.OutputPath!),
            Buildpacks = References(inputs.Buildpacks),
            Candidates = References(inputs.Candidates),
            CacheDirectory = Blank(inputs.CacheDirectory) ? null : Path.TrimEndingDirectorySeparator(FullPath(inputs.CacheDirectory!)),
            Environment = Variables(inputs),
            Stack = Blank(inputs.Stack) ? profile.DefaultStack : inputs.Stack!.Trim(),
            Layout = Blank(inputs.Layout) ? profile.DefaultLayout : ParseLayout(inputs.Layout),
            ProcfileMode = Blank(inputs.ProcfileMode) ? profile.DefaultProcfileMode : ParseProcfileMode(inputs.ProcfileMode),
            Platform = platform,
            ProcessTypes = ProcessTypes(inputs),
            Timeout = ParseTimeout(inputs.Timeout),
            ResultPath = Blank(inputs.ResultPath) ? null : FullPath(inputs.ResultPath!),
            Timestamp = ParseTimestamp(inputs.Timestamp),
            ApplicationName = Blank(inputs.ApplicationName) ? null : inputs.ApplicationName!.Trim(),
            ManifestPath = Blank(inputs.ManifestPath) ? null : FullPath(inputs.ManifestPath!),
            ManifestApplication = Blank(inputs.ManifestApplication) ? null : inputs.ManifestApplication!.Trim(),
            PreStagingHooks = [.. inputs.PreStagingHooks.Where(hook => !Blank(hook))],
            PostStagingHooks = [.. inputs.PostStagingHooks.Where(hook => !Blank(hook))],
            LockFile = Blank(inputs.LockFile) ? null : FullPath(inputs.LockFile!),
            StackImage = Blank(inputs.StackImage) ? null : inputs.StackImage!.Trim(),
            ContainerEngine = ParseContainerEngine(inputs.ContainerEngine),
        };
        Check(request, _names);
        return request;
    }

    /// <summary>Builds what a detection needs: an existing app directory and at least one candidate.</summary>
    public DetectionRequest BuildDetection(string? appDirectory, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var detection = new DetectionRequest(AppDirectory(appDirectory), References(candidates));
        CheckDetection(detection.AppDirectory, detection.Candidates, _names);
        return detection;
    }

    /// <summary>
    /// Builds what <c>buildpacks lock</c> needs: the lock file (<paramref name="lockFile"/>, else
    /// <c>buildpacks.lock.json</c> in the existing <paramref name="appDirectory"/>) and at least one reference.
    /// </summary>
    public LockRequest BuildLock(string? appDirectory, string? lockFile, IEnumerable<string> buildpacks)
    {
        ArgumentNullException.ThrowIfNull(buildpacks);
        var app = AppDirectory(appDirectory);
        EnsureAppDirectory(app, _names);
        var references = References(buildpacks);
        if (references.Count == 0)
        {
            throw new BuildpackException(
                ErrorCodes.NothingToLock,
                $"No buildpack to lock was given. Name every buildpack the staging uses with {_names.Buildpacks}; the lock file then holds exactly those.");
        }

        return new LockRequest(Blank(lockFile) ? Path.Combine(app, BuildpackLock.DefaultFileName) : FullPath(lockFile!), references);
    }

    /// <summary>
    /// Checks a request built elsewhere (a library caller's own): the same rules <see cref="Build"/> applies,
    /// with the request's own names in the errors.
    /// </summary>
    public static void Validate(StagingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Check(request, StagingSettingNames.Default);
    }

    /// <summary>Checks a detection asked for without the builder.</summary>
    public static void ValidateDetection(string appDirectory, IReadOnlyList<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        CheckDetection(appDirectory, candidates, StagingSettingNames.Default);
    }

    /// <summary>The droplet written when none is named: the app directory's name plus <c>.droplet.tgz</c>, in the base directory.</summary>
    public string DefaultDropletPath(string appDirectory)
    {
        ArgumentNullException.ThrowIfNull(appDirectory);
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(FullPath(appDirectory)));
        return Path.Combine(_baseDirectory, name + ".droplet.tgz");
    }

    private static void Check(StagingRequest request, StagingSettingNames names)
    {
        EnsureAppDirectory(request.AppDirectory, names);
        if (string.IsNullOrWhiteSpace(request.OutputPath))
        {
            throw new BuildpackException(ErrorCodes.InvalidRequest, "No droplet path was given. Say where to write the droplet (e.g. app.droplet.tgz).");
        }

        if (request.Buildpacks.Count == 0 && request.Candidates.Count == 0 && !AppDeclaresBuildpacks(request))
        {
            throw new BuildpackException(
                ErrorCodes.NoBuildpack,
                $"No buildpack was given. Name the buildpack to use with {names.Buildpacks}, or candidates to detect with {names.Candidates}.");
        }

        if (request.Timeout <= TimeSpan.Zero)
        {
            throw new BuildpackException(ErrorCodes.InvalidTimeout, $"{names.Timeout} must be a positive duration, not {request.Timeout}.");
        }

        foreach (var name in request.Environment.Keys)
        {
            VariableNames.EnsureValid(name);
        }

        StagingEnvironment.EnsureStartable(request.Environment);

        foreach (var (type, command) in request.ProcessTypes)
        {
            EnsureProcessType(type, command, names);
        }

        if (request.LockFile is { } lockFile && !File.Exists(lockFile))
        {
            throw new BuildpackException(
                ErrorCodes.LockFileNotFound,
                $"{names.LockFile} '{lockFile}' does not exist. Write it with: buildpacks lock APP_DIR --buildpack REF... --lock-file {lockFile}, or leave {names.LockFile} out.",
                lockFile);
        }
    }

    private static void CheckDetection(string appDirectory, IReadOnlyList<string> candidates, StagingSettingNames names)
    {
        EnsureAppDirectory(appDirectory, names);
        if (candidates.Count == 0)
        {
            throw new BuildpackException(ErrorCodes.NoBuildpack, $"No candidate was given. Name at least one buildpack to detect with, with {names.Candidates}.");
        }
    }

    // BUILDPACK_URL or the app's own files name the buildpacks; reading them is the planner's job, and its errors say what is wrong.
    private static bool AppDeclaresBuildpacks(StagingRequest request) =>
        BuildpackUrlSelection.Reference(request) is not null
        || request.ManifestPath is not null
        || File.Exists(Path.Combine(request.AppDirectory, AppManifest.FileName))
        || File.Exists(Path.Combine(request.AppDirectory, AppBuildpacksFile.FileName));

    private static void EnsureAppDirectory(string appDirectory, StagingSettingNames names)
    {
        if (string.IsNullOrWhiteSpace(appDirectory) || !Directory.Exists(appDirectory))
        {
            throw new BuildpackException(
                ErrorCodes.AppDirectoryNotFound,
                $"The {names.AppDirectory} '{appDirectory}' does not exist. {names.AppDirectoryAdvice}");
        }
    }

    private static void EnsureProcessType(string type, string command, StagingSettingNames names)
    {
        if (type.Length == 0 || !type.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new BuildpackException(ErrorCodes.InvalidProcessType, $"{names.ProcessTypes}: '{type}' is not a valid process type. Use letters, digits, '_' and '-'.");
        }

        if (string.IsNullOrWhiteSpace(command))
        {
            throw new BuildpackException(ErrorCodes.InvalidProcessType, $"{names.ProcessTypes}: the process type '{type}' has no command. Give the command that starts it, e.g. {type}=dotnet App.dll.");
        }
    }

    private string AppDirectory(string? appDirectory) =>
        Blank(appDirectory) ? "" : Path.TrimEndingDirectorySeparator(FullPath(appDirectory!));

    private string FullPath(string path) => Path.GetFullPath(path.Trim(), _baseDirectory);

    // Local buildpacks become full paths like every other path; URLs pass unchanged.
    private List<string> References(IEnumerable<string> references) =>
    [
        .. references
            .Where(reference => !Blank(reference))
            .Select(reference => reference.Trim())
            .Select(reference => BuildpackReference.IsLocalPath(reference) ? FullPath(reference) : reference),
    ];

    private Dictionary<string, string> Variables(StagingInputs inputs)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in inputs.EnvironmentFiles.Where(file => !Blank(file)))
        {
            foreach (var (name, value) in EnvFile.Read(FullPath(file)))
            {
                variables[name] = value;
            }
        }

        foreach (var variable in inputs.Variables)
        {
            var (name, value) = variable.Text is { } text ? Split(text, ErrorCodes.InvalidVariableName, _names.EnvironmentVariables, "NAME=VALUE", "MY_SETTING=on", mayHoldSecret: true) : (variable.Name, variable.Value);
            VariableNames.EnsureValid(name);
            variables[name] = value;
        }

        return variables;
    }

    private Dictionary<string, string> ProcessTypes(StagingInputs inputs)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var processType in inputs.ProcessTypes)
        {
            var (type, command) = processType.Text is { } text ? Split(text, ErrorCodes.InvalidProcessType, _names.ProcessTypes, "TYPE=COMMAND", "web=dotnet App.dll", mayHoldSecret: false) : (processType.Name, processType.Value);
            type = type.Trim();
            EnsureProcessType(type, command, _names);
            types[type] = command;
        }

        return types;
    }

    /// <summary>Splits TEXT at its first '='; a variable entry that does not split is described, never quoted: it is often a bare value.</summary>
    private static (string Name, string Value) Split(string text, string code, string setting, string form, string example, bool mayHoldSecret)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            var what = !mayHoldSecret
                ? $"'{text}'"
                : equals < 0 ? "an entry without '=' (not shown, in case it holds a secret)" : "an entry that starts with '=' (not shown, in case it holds a secret)";
            throw new BuildpackException(code, $"{setting}: {what} is not {form}. Write it as {form}, e.g. {example}.");
        }

        return (text[..equals], text[(equals + 1)..]);
    }

    private StagingPlatform ParsePlatform(string? text)
    {
        if (Blank(text))
        {
            return StagingPlatform.Default;
        }

        return StagingNames.TryParsePlatform(text!, out var platform)
            ? platform
            : throw new BuildpackException(
                ErrorCodes.InvalidPlatform,
                $"{_names.Platform} '{text}' is not a platform. Use one of: {string.Join(", ", StagingNames.Platforms)}.");
    }

    private DropletLayout ParseLayout(string? text)
    {
        if (Blank(text))
        {
            return DropletLayout.CloudFoundry;
        }

        return StagingNames.TryParseLayout(text!, out var layout)
            ? layout
            : throw new BuildpackException(
                ErrorCodes.InvalidLayout,
                $"{_names.Layout} '{text}' is not a droplet layout. Use cf (a Cloud Foundry droplet) or heroku (a Heroku slug).");
    }

    private ProcfileMode ParseProcfileMode(string? text)
    {
        if (Blank(text))
        {
            return Staging.ProcfileMode.Merge;
        }

        return StagingNames.TryParseProcfileMode(text!, out var mode)
            ? mode
            : throw new BuildpackException(
                ErrorCodes.InvalidProcfileMode,
                $"{_names.ProcfileMode} '{text}' is not known. Use merge (the Procfile overrides the buildpack's process types one by one) or replace (a Procfile drops them all).");
    }

    private ContainerEngine ParseContainerEngine(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "docker" => Staging.ContainerEngine.Docker,
        "podman" => Staging.ContainerEngine.Podman,
        _ => throw new BuildpackException(
            ErrorCodes.ContainerSettingInvalid,
            $"{_names.ContainerEngine} '{text}' is not known. Use docker (Docker, or podman through DOCKER_HOST) or podman."),
    };

    private TimeSpan ParseTimeout(string? text)
    {
        if (Blank(text))
        {
            return StagingRequest.DefaultTimeout;
        }

        return DurationText.TryParse(text, out var timeout)
            ? timeout
            : throw new BuildpackException(
                ErrorCodes.InvalidTimeout,
                $"{_names.Timeout} '{text}' is not a positive duration. Write e.g. 90s, 15m, 1h30m, 00:15:00 or a number of seconds.");
    }

    private DateTimeOffset? ParseTimestamp(string? text)
    {
        if (Blank(text))
        {
            return null;
        }

        return StagingNames.TryParseTimestamp(text!, out var timestamp)
            ? timestamp
            : throw new BuildpackException(
                ErrorCodes.InvalidTimestamp,
                $"{_names.Timestamp} '{text}' is not a time. Write Unix seconds (as SOURCE_DATE_EPOCH, e.g. 1700000000) or an ISO 8601 time (e.g. 2024-01-01T00:00:00Z).");
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
}
