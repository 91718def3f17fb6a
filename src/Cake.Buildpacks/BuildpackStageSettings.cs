using Buildpacks.Core.Staging;
using Cake.Core.IO;

namespace Cake.Buildpacks;

/// <summary>
/// Settings for <see cref="BuildpacksAliases.BuildpackStage"/>. Give either <see cref="Buildpacks"/> (no
/// detection) or <see cref="Candidates"/> (the first that detects the app is used). Relative paths are taken
/// from the script's working directory.
/// </summary>
public sealed class BuildpackStageSettings
{
    /// <summary>
    /// Buildpacks to use, in order, skipping detection: all but the last supply dependencies
    /// (<c>bin/supply</c>), the last builds the app (<c>bin/finalize</c>, else <c>bin/compile</c>).
    /// </summary>
    public IList<string> Buildpacks { get; } = [];

    /// <summary>Candidates for detection, in order; used when <see cref="Buildpacks"/> is empty.</summary>
    public IList<string> Candidates { get; } = [];

    /// <summary>The droplet to write. Default: the app directory's name plus <c>.droplet.tgz</c>, in the working directory.</summary>
    public FilePath? DropletPath { get; set; }

    /// <summary>A cache directory kept between stagings of the app (created when missing). Default: a throwaway cache.</summary>
    public DirectoryPath? CacheDirectory { get; set; }

    /// <summary>Variables for the env dir and the buildpacks' environment; they win over <see cref="EnvironmentFiles"/>.</summary>
    public IDictionary<string, string> EnvironmentVariables { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Files of <c>NAME=VALUE</c> lines (blank lines and <c>#</c> comments skipped), read in order; a later file wins.</summary>
    public IList<FilePath> EnvironmentFiles { get; } = [];

    /// <summary>
    /// Names of variables (from <see cref="EnvironmentVariables"/> or <see cref="EnvironmentFiles"/>) whose values a CI log
    /// must mask, as <c>buildpacks stage --secret-env</c>; names ending in <c>_TOKEN</c>, <c>_PASSWORD</c>,
    /// <c>_SECRET</c> or <c>_KEY</c> are masked without it. Used when the script runs on GitHub Actions or Azure Pipelines.
    /// </summary>
    public IList<string> SecretVariables { get; } = [];

    /// <summary>The stack name given to buildpacks as <c>STACK</c> and <c>CF_STACK</c>; null: the platform's (<see cref="StagingRequest.DefaultStack"/> by default).</summary>
    public string? Stack { get; set; }

    /// <summary>The droplet layout: a Cloud Foundry droplet or a Heroku slug; null: the platform's (a Cloud Foundry droplet by default).</summary>
    public DropletLayout? Layout { get; set; }

    /// <summary>How the app's Procfile combines with the buildpack's default process types; null: the platform's (merge by default).</summary>
    public ProcfileMode? ProcfileMode { get; set; }

    /// <summary>Process types that win over the buildpack's defaults and the Procfile.</summary>
    public IDictionary<string, string> ProcessTypes { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How long the whole staging may take; 15 minutes by default, as on Cloud Foundry and Heroku.</summary>
    public TimeSpan Timeout { get; set; } = StagingRequest.DefaultTimeout;

    /// <summary>Where to also write Cloud Foundry's <c>result.json</c>; null writes none.</summary>
    public FilePath? ResultPath { get; set; }

    /// <summary>
    /// The time stamped on every droplet entry. Null: <c>SOURCE_DATE_EPOCH</c>, else a fixed date, so the same
    /// inputs give the same droplet.
    /// </summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The application name in <c>VCAP_APPLICATION</c>; defaults to the app directory's name.</summary>
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
    /// null: <c>buildpacks.lock.json</c> in the app directory when it exists.
    /// </summary>
    public FilePath? LockFile { get; set; }

    /// <summary>A stack image to stage in, as its non-root user (it must be in the engine; nothing is pulled); null: on this machine.</summary>
    public string? StackImage { get; set; }

    /// <summary>The CLI that drives the engine for <see cref="StackImage"/>.</summary>
    public ContainerEngine ContainerEngine { get; set; } = ContainerEngine.Docker;
}
