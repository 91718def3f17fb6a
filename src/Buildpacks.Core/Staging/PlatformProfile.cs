using System.Globalization;

namespace Buildpacks.Core.Staging;

/// <summary>
/// Every contract detail the platforms differ on, for one platform (section 1, 2, 6 and 7 of the buildpack
/// contracts): compile's arguments, the default stack, layout and Procfile rule, the staging variables it sets,
/// whether the user's variables reach compile's environment, and the wording of the messages users search for.
/// </summary>
internal sealed record PlatformProfile
{
    private const string NoStartCommand = "No 'web' process type: the buildpack declared none and the app has no Procfile line for it. App will not start unless a command is provided at runtime.";

    /// <summary>Every staging variable a profile may set; the default profile sets the first eight, as before profiles.</summary>
    private static readonly string[] AllVariables = ["STACK", "CF_STACK", "LANG", "MEMORY_LIMIT", "VCAP_APPLICATION", "VCAP_SERVICES", "REQUEST_ID", "SOURCE_VERSION", "STACKATO_APP_NAME", "STAGING_TIMEOUT", "BUILDPACK_CACHE"];

    public required StagingPlatform Platform { get; init; }

    /// <summary>Whether <c>bin/compile</c> gets the env dir as its third argument (Heroku) or only <c>BUILD CACHE</c> (Cloud Foundry).</summary>
    public bool CompileGetsEnvDirectory { get; init; } = true;

    public string DefaultStack { get; init; } = StagingRequest.DefaultStack;

    public DropletLayout DefaultLayout { get; init; } = DropletLayout.CloudFoundry;

    public ProcfileMode DefaultProcfileMode { get; init; } = ProcfileMode.Merge;

    /// <summary>The staging variables the platform sets, by name (a subset of <see cref="AllVariables"/>).</summary>
    public IReadOnlyList<string> Variables { get; init; } = AllVariables[..8];

    /// <summary>Whether the user's variables are exported into the buildpacks' processes, besides the env dir (all but Heroku).</summary>
    public bool ExportsUserVariables { get; init; } = true;

    /// <summary>The warning when no <c>web</c> process type results.</summary>
    public string NoWebProcessMessage { get; init; } = NoStartCommand;

    public static PlatformProfile Of(StagingPlatform platform) => platform switch
    {
        StagingPlatform.Default => new() { Platform = platform },
        StagingPlatform.Heroku => new()
        {
            Platform = platform,
            DefaultLayout = DropletLayout.Heroku,
            Variables = ["STACK", "REQUEST_ID", "SOURCE_VERSION"],
            ExportsUserVariables = false,
        },
        StagingPlatform.CloudFoundry => new()
        {
            Platform = platform,
            CompileGetsEnvDirectory = false,
            DefaultStack = "cflinuxfs4",
            Variables = ["CF_STACK", "LANG", "MEMORY_LIMIT", "VCAP_APPLICATION", "VCAP_SERVICES"],
            NoWebProcessMessage = "No start command specified by buildpack or via Procfile. App will not start unless a command is provided at runtime.",
        },
        StagingPlatform.Scalingo => new()
        {
            Platform = platform,
            DefaultStack = "scalingo-22",
            DefaultLayout = DropletLayout.Heroku,
            Variables = ["STACK", "REQUEST_ID", "SOURCE_VERSION"],
        },
        StagingPlatform.Dokku => new()
        {
            Platform = platform,
            DefaultLayout = DropletLayout.Heroku,
            DefaultProcfileMode = ProcfileMode.ReplaceDefaults,
            Variables = ["STACK", "SOURCE_VERSION"],
        },
        StagingPlatform.Stackato => new()
        {
            Platform = platform,
            Variables = ["LANG", "MEMORY_LIMIT", "VCAP_APPLICATION", "VCAP_SERVICES", "STACKATO_APP_NAME", "STAGING_TIMEOUT", "BUILDPACK_CACHE"],
        },
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "Not a platform."),
    };

    /// <summary><c>bin/compile</c>'s arguments under this platform.</summary>
    public string[] CompileArguments(string build, string cache, string env) => CompileGetsEnvDirectory ? [build, cache, env] : [build, cache];

    /// <summary>The staging variables' values for one staging; <paramref name="commit"/> is read only when asked for.</summary>
    public Dictionary<string, string> StagingVariables(StagingRequest request, string appName, string cacheDirectory, Func<string?> commit)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Variables)
        {
            var value = name switch
            {
                "STACK" or "CF_STACK" => request.Stack,
                "LANG" => "en_US.UTF-8",
                "MEMORY_LIMIT" => "1024m",
                "VCAP_APPLICATION" => VcapApplication.Json(appName),
                "VCAP_SERVICES" => "{}",
                "REQUEST_ID" => Guid.NewGuid().ToString(),
                "SOURCE_VERSION" => commit(),
                "STACKATO_APP_NAME" => appName,
                "STAGING_TIMEOUT" => ((long)request.Timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                "BUILDPACK_CACHE" => cacheDirectory,
                _ => null,
            };
            if (value is not null)
            {
                variables[name] = value;
            }
        }

        return variables;
    }

    /// <summary>What the profile sets, one line each, as <c>buildpacks stage --explain</c> prints it.</summary>
    public IEnumerable<string> Explain()
    {
        yield return $"compile arguments: {(CompileGetsEnvDirectory ? "BUILD CACHE ENV" : "BUILD CACHE")}";
        yield return $"default stack: {DefaultStack}";
        yield return $"default layout: {(DefaultLayout == DropletLayout.Heroku ? "heroku (a slug)" : "cf (a Cloud Foundry droplet)")}";
        yield return $"Procfile: {(DefaultProcfileMode == ProcfileMode.Merge ? "merge (overrides the buildpack's process types one by one)" : "replace (drops the buildpack's process types)")}";
        yield return $"staging variables: {string.Join(", ", Variables)}";
        yield return $"user variables: {(ExportsUserVariables ? "in the env dir and exported to the buildpacks' processes" : "in the env dir only")}";
        yield return $"without a web process: \"{NoWebProcessMessage}\"";
    }
}
