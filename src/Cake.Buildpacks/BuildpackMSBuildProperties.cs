namespace Cake.Buildpacks;

/// <summary>The MSBuild properties of the <c>Buildpacks.Tasks</c> package; these names are its public contract.</summary>
public static class BuildpackMSBuildProperties
{
    /// <summary><c>true</c> stages the app after Publish.</summary>
    public const string StageWithBuildpack = "StageWithBuildpack";

    /// <summary>One buildpack or a <c>;</c> list: explicit mode, no detection.</summary>
    public const string Buildpack = "Buildpack";

    /// <summary>A <c>;</c> list of candidates for detection, in order.</summary>
    public const string Candidates = "BuildpackCandidates";

    /// <summary>The stack name.</summary>
    public const string Stack = "BuildpackStack";

    /// <summary>The cache directory kept between stagings.</summary>
    public const string CacheDirectory = "BuildpackCacheDirectory";

    /// <summary>The droplet to write.</summary>
    public const string DropletPath = "BuildpackDropletPath";

    /// <summary><c>cf</c> or <c>heroku</c>.</summary>
    public const string Layout = "BuildpackLayout";

    /// <summary>How long staging may take: <c>15m</c>, <c>00:15:00</c> or seconds.</summary>
    public const string Timeout = "BuildpackTimeout";

    /// <summary><c>merge</c> or <c>replace</c>.</summary>
    public const string ProcfileMode = "BuildpackProcfileMode";

    /// <summary>The name in <c>VCAP_APPLICATION</c>.</summary>
    public const string ApplicationName = "BuildpackApplicationName";

    /// <summary>Where to also write Cloud Foundry's <c>result.json</c>.</summary>
    public const string ResultPath = "BuildpackResultPath";

    /// <summary>The droplet entries' time: Unix seconds or ISO 8601.</summary>
    public const string Timestamp = "BuildpackTimestamp";

    /// <summary>Variables as <c>NAME=VALUE</c> entries separated by <c>;</c> (a <c>;</c> or <c>%</c> in a value escaped as <c>%3B</c>, <c>%25</c>).</summary>
    public const string Environment = "BuildpackEnvironment";

    /// <summary>A <c>;</c> list of env files.</summary>
    public const string EnvironmentFile = "BuildpackEnvironmentFile";

    /// <summary>Process types as <c>TYPE=COMMAND</c> entries, written as <see cref="Environment"/>.</summary>
    public const string ProcessTypes = "BuildpackProcessTypes";

    /// <summary>The shared cache of buildpacks fetched from URLs.</summary>
    public const string BuildpackCacheRoot = "BuildpackCacheRoot";

    /// <summary><c>true</c>: no network, buildpack URLs from the buildpack cache only.</summary>
    public const string Offline = "BuildpackOffline";

    /// <summary>A Cloud Foundry manifest.yml to read.</summary>
    public const string Manifest = "BuildpackManifest";

    /// <summary>The manifest's application to stage.</summary>
    public const string ManifestApplication = "BuildpackManifestApplication";

    /// <summary>Shell commands run before the first buildpack, written as <see cref="Environment"/>'s entries.</summary>
    public const string PreStagingHooks = "BuildpackPreStagingHooks";

    /// <summary>Shell commands run after the last buildpack, written as <see cref="Environment"/>'s entries.</summary>
    public const string PostStagingHooks = "BuildpackPostStagingHooks";

    /// <summary>The platform whose staging contract to follow: <c>heroku</c>, <c>cf</c>, <c>scalingo</c>, <c>dokku</c>, <c>stackato</c>.</summary>
    public const string Platform = "BuildpackPlatform";

    /// <summary>The lock file pinning each buildpack to an exact version.</summary>
    public const string LockFile = "BuildpackLockFile";

    /// <summary>A stack image to stage in.</summary>
    public const string StackImage = "BuildpackStackImage";

    /// <summary><c>docker</c> or <c>podman</c>.</summary>
    public const string ContainerEngine = "BuildpackContainerEngine";

    /// <summary>Every property above, for clearing them all at once.</summary>
    internal static readonly string[] All =
    [
        StageWithBuildpack, Buildpack, Candidates, Stack, CacheDirectory, DropletPath, Layout, Timeout, ProcfileMode,
        ApplicationName, ResultPath, Timestamp, Environment, EnvironmentFile, ProcessTypes, BuildpackCacheRoot, Offline,
        Manifest, ManifestApplication, PreStagingHooks, PostStagingHooks, Platform,
        LockFile,
        StackImage, ContainerEngine,
    ];
}
