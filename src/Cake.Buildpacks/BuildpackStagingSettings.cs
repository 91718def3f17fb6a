using Buildpacks.Core.Staging;
using Cake.Core.IO;

namespace Cake.Buildpacks;

/// <summary>
/// How <c>dotnet publish</c> stages the published app through the <c>Buildpacks.Tasks</c> MSBuild package,
/// for <see cref="DotNetPublishSettingsBuildpackExtensions.WithBuildpackStaging"/>. Each value becomes one
/// MSBuild property; values left unset keep the package's defaults.
/// </summary>
/// <remarks>
/// MSBuild reads relative paths from the project's directory, not from the script's working directory:
/// give paths made with <c>MakeAbsolute(...)</c> when they are relative to the script.
/// </remarks>
public sealed class BuildpackStagingSettings
{
    /// <summary>
    /// Buildpacks to use, in order, skipping detection (<c>Buildpack</c>); the last one builds the app.
    /// Empty: detect over <see cref="Candidates"/>.
    /// </summary>
    public IList<string> Buildpacks { get; } = [];

    /// <summary>Candidates for detection, in order (<c>BuildpackCandidates</c>).</summary>
    public IList<string> Candidates { get; } = [];

    /// <summary>The stack name given to buildpacks as <c>STACK</c> and <c>CF_STACK</c> (<c>BuildpackStack</c>).</summary>
    public string? Stack { get; set; }

    /// <summary>The cache directory kept between stagings (<c>BuildpackCacheDirectory</c>).</summary>
    public DirectoryPath? CacheDirectory { get; set; }

    /// <summary>The droplet to write (<c>BuildpackDropletPath</c>).</summary>
    public FilePath? DropletPath { get; set; }

    /// <summary>The droplet layout (<c>BuildpackLayout</c>: <c>cf</c> or <c>heroku</c>).</summary>
    public DropletLayout? Layout { get; set; }

    /// <summary>How long staging may take (<c>BuildpackTimeout</c>).</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>How the Procfile combines with the buildpack's defaults (<c>BuildpackProcfileMode</c>: <c>merge</c> or <c>replace</c>).</summary>
    public ProcfileMode? ProcfileMode { get; set; }

    /// <summary>Variables for the env dir and the buildpacks' environment (<c>BuildpackEnvironment</c>); they win over the env files.</summary>
    public IDictionary<string, string> EnvironmentVariables { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Files of <c>NAME=VALUE</c> lines, read in order (<c>BuildpackEnvironmentFile</c>).</summary>
    public IList<FilePath> EnvironmentFiles { get; } = [];

    /// <summary>Process types that win over the buildpack's defaults and the Procfile (<c>BuildpackProcessTypes</c>).</summary>
    public IDictionary<string, string> ProcessTypes { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Where to also write Cloud Foundry's <c>result.json</c> (<c>BuildpackResultPath</c>).</summary>
    public FilePath? ResultPath { get; set; }

    /// <summary>The time stamped on every droplet entry (<c>BuildpackTimestamp</c>).</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The application name in <c>VCAP_APPLICATION</c> (<c>BuildpackApplicationName</c>); the package's default is the assembly name.</summary>
    public string? ApplicationName { get; set; }

    /// <summary>
    /// The shared cache of buildpacks fetched from git and archive URLs (<c>--buildpack-cache</c>); null:
    /// <c>BUILDPACKS_CACHE</c>, else <c>$XDG_CACHE_HOME/buildpacks</c>, else <c>~/.cache/buildpacks</c>.
    /// </summary>
    public DirectoryPath? BuildpackCacheRoot { get; set; }

    /// <summary>Use no network: buildpack URLs come from the buildpack cache only (<c>--offline</c>; also on when <c>BUILDPACKS_OFFLINE=1</c>).</summary>
    public bool Offline { get; set; }

    /// <summary>The Cloud Foundry manifest to read (<c>--manifest</c>); null: the app directory's <c>manifest.yml</c>, when there is one.</summary>
    public FilePath? ManifestPath { get; set; }

    /// <summary>The manifest's application to stage (<c>--app</c>); null: its only one.</summary>
    public string? ManifestApplication { get; set; }

    /// <summary>Shell commands run in the build directory before the first buildpack (<c>--pre-staging</c>), after the app's <c>stackato.yml</c> ones.</summary>
    public IList<string> PreStagingHooks { get; } = [];

    /// <summary>Shell commands run in the build directory after the last buildpack, before release and packing (<c>--post-staging</c>).</summary>
    public IList<string> PostStagingHooks { get; } = [];

    /// <summary>
    /// Whose staging contract to follow where the platforms differ (<c>--platform</c>): compile's arguments, the staging
    /// variables, and the stack, layout and Procfile mode left unset. Null: the engine's default, today's behaviour.
    /// </summary>
    public StagingPlatform? Platform { get; set; }

    /// <summary>
    /// The lock file pinning each buildpack to an exact version (<c>--lock-file</c>; <see cref="BuildpacksAliases.BuildpackLock(Cake.Core.ICakeContext, Cake.Core.IO.DirectoryPath, BuildpackLockSettings)"/> writes it);
    /// null: <c>buildpacks.lock.json</c> next to the project when it exists.
    /// </summary>
    public FilePath? LockFile { get; set; }

    /// <summary>A stack image to stage in, as its non-root user (<c>BuildpackStackImage</c>).</summary>
    public string? StackImage { get; set; }

    /// <summary>The CLI for <see cref="StackImage"/> (<c>BuildpackContainerEngine</c>: <c>docker</c> or <c>podman</c>).</summary>
    public ContainerEngine? ContainerEngine { get; set; }
}
