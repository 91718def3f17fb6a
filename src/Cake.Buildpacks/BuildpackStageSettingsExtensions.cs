using Buildpacks.Core.Staging;
using Cake.Core.IO;

namespace Cake.Buildpacks;

/// <summary>Fluent setters for <see cref="BuildpackStageSettings"/>: <c>With...</c> adds to a list, <c>Set...</c> replaces a value.</summary>
public static class BuildpackStageSettingsExtensions
{
    /// <summary>Adds a buildpack after the ones already given (the last one builds the app; detection is skipped).</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="reference">The buildpack directory, relative to the working directory or absolute.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStageSettings WithBuildpack(this BuildpackStageSettings settings, string reference) =>
        Change(settings, s => s.Buildpacks.Add(reference));

    /// <summary>Adds a candidate for detection after the ones already given.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="reference">The buildpack directory, relative to the working directory or absolute.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStageSettings WithCandidate(this BuildpackStageSettings settings, string reference) =>
        Change(settings, s => s.Candidates.Add(reference));

    /// <summary>Sets the droplet file to write.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="dropletPath">The droplet path, relative to the working directory or absolute.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStageSettings SetDropletPath(this BuildpackStageSettings settings, FilePath dropletPath) =>
        Change(settings, s => s.DropletPath = dropletPath);

    /// <summary>Sets the cache directory kept between stagings.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="cacheDirectory">The cache directory, relative to the working directory or absolute; created when missing.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStageSettings SetCacheDirectory(this BuildpackStageSettings settings, DirectoryPath cacheDirectory) =>
        Change(settings, s => s.CacheDirectory = cacheDirectory);

    /// <summary>Marks a variable of the staging secret: its value is masked in CI logs (as <c>--secret-env NAME</c>).</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="name">The variable's name; it must be one the staging sets.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStageSettings WithSecretVariable(this BuildpackStageSettings settings, string name) =>
        Change(settings, s => s.SecretVariables.Add(name));

    /// <summary>Adds (or replaces) a variable for the env dir and the buildpacks' environment.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="name">The variable name, a shell identifier.</param>
    /// <param name="value">The value, taken as is.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStageSettings WithEnvironmentVariable(this BuildpackStageSettings settings, string name, string value) =>
        Change(settings, s => s.EnvironmentVariables[name] = value);

    /// <summary>Adds a file of <c>NAME=VALUE</c> lines; variables set one by one win over it.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="file">The env file, relative to the working directory or absolute.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStageSettings WithEnvironmentFile(this BuildpackStageSettings settings, FilePath file) =>
        Change(settings, s => s.EnvironmentFiles.Add(file));

    /// <summary>Adds (or replaces) a process type that wins over the buildpack's defaults and the Procfile.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="name">The process type, e.g. <c>web</c> or <c>worker</c>.</param>
    /// <param name="command">The command line.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStageSettings WithProcessType(this BuildpackStageSettings settings, string name, string command) =>
        Change(settings, s => s.ProcessTypes[name] = command);

    /// <summary>Sets the stack name given to buildpacks as <c>STACK</c> and <c>CF_STACK</c>.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="stack">The stack, e.g. <c>heroku-24</c> or <c>cflinuxfs4</c>.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStageSettings SetStack(this BuildpackStageSettings settings, string stack) =>
        Change(settings, s => s.Stack = stack);

    /// <summary>Sets the droplet layout.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="layout"><see cref="DropletLayout.CloudFoundry"/> or <see cref="DropletLayout.Heroku"/> (a slug).</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStageSettings SetLayout(this BuildpackStageSettings settings, DropletLayout layout) =>
        Change(settings, s => s.Layout = layout);

    /// <summary>Sets how the app's Procfile combines with the buildpack's default process types.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="mode"><see cref="ProcfileMode.Merge"/> (Cloud Foundry, Heroku) or <see cref="ProcfileMode.ReplaceDefaults"/> (herokuish).</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStageSettings SetProcfileMode(this BuildpackStageSettings settings, ProcfileMode mode) =>
        Change(settings, s => s.ProcfileMode = mode);

    /// <summary>Sets how long the whole staging may take.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="timeout">The limit; the buildpack is stopped and no droplet is written when it passes.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStageSettings SetTimeout(this BuildpackStageSettings settings, TimeSpan timeout) =>
        Change(settings, s => s.Timeout = timeout);

    /// <summary>Also writes Cloud Foundry's <c>result.json</c>.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="resultPath">The file, relative to the working directory or absolute.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStageSettings SetResultPath(this BuildpackStageSettings settings, FilePath resultPath) =>
        Change(settings, s => s.ResultPath = resultPath);

    /// <summary>Sets the time stamped on every droplet entry.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="timestamp">The time stamp.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStageSettings SetTimestamp(this BuildpackStageSettings settings, DateTimeOffset timestamp) =>
        Change(settings, s => s.Timestamp = timestamp);

    /// <summary>Sets the application name given to buildpacks in <c>VCAP_APPLICATION</c>.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="name">The application name.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStageSettings SetApplicationName(this BuildpackStageSettings settings, string name) =>
        Change(settings, s => s.ApplicationName = name);

    /// <summary>Sets the shared cache of buildpacks fetched from URLs.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="cacheRoot">The directory, relative to the working directory or absolute.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStageSettings SetBuildpackCacheRoot(this BuildpackStageSettings settings, DirectoryPath cacheRoot) =>
        Change(settings, s => s.BuildpackCacheRoot = cacheRoot);

    /// <summary>Uses no network: buildpack URLs come from the buildpack cache only.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="offline">Whether to stay offline.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStageSettings UseOffline(this BuildpackStageSettings settings, bool offline = true) =>
        Change(settings, s => s.Offline = offline);

    /// <summary>Reads this Cloud Foundry manifest (its application's buildpacks, env, stack, command, memory, name, path).</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="manifestPath">The manifest, relative to the working directory or absolute.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStageSettings SetManifestPath(this BuildpackStageSettings settings, FilePath manifestPath) =>
        Change(settings, s => s.ManifestPath = manifestPath);

    /// <summary>Picks the manifest's application to stage, when it lists several.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="name">The application's name in the manifest.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStageSettings SetManifestApplication(this BuildpackStageSettings settings, string name) =>
        Change(settings, s => s.ManifestApplication = name);

    /// <summary>Adds a shell command run in the build directory before the first buildpack.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="command">The command, run by bash with the staging environment.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStageSettings WithPreStagingHook(this BuildpackStageSettings settings, string command) =>
        Change(settings, s => s.PreStagingHooks.Add(command));

    /// <summary>Adds a shell command run in the build directory after the last buildpack, before release and packing.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="command">The command, run by bash with the staging environment.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStageSettings WithPostStagingHook(this BuildpackStageSettings settings, string command) =>
        Change(settings, s => s.PostStagingHooks.Add(command));

    /// <summary>Follows this platform's staging contract where the platforms differ.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="platform">Heroku, Cloud Foundry, Scalingo, Dokku or Stackato (or the default).</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStageSettings SetPlatform(this BuildpackStageSettings settings, StagingPlatform platform) =>
        Change(settings, s => s.Platform = platform);
    /// <summary>Sets the lock file pinning each buildpack to an exact version.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="lockFile">The lock file, relative to the working directory or absolute; it must exist.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStageSettings SetLockFile(this BuildpackStageSettings settings, FilePath lockFile) =>
        Change(settings, s => s.LockFile = lockFile);
    /// <summary>Stages inside a container of a stack image, as its non-root user (the image must be in the engine).</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="image">The stack image, e.g. <c>localhost/buildpacks-stack:bookworm</c>.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStageSettings SetStackImage(this BuildpackStageSettings settings, string image) =>
        Change(settings, s => s.StackImage = image);

    /// <summary>Sets the CLI that drives the container engine for the stack image.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="engine"><see cref="ContainerEngine.Docker"/> (Docker, or podman through DOCKER_HOST) or <see cref="ContainerEngine.Podman"/>.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStageSettings SetContainerEngine(this BuildpackStageSettings settings, ContainerEngine engine) =>
        Change(settings, s => s.ContainerEngine = engine);

    private static BuildpackStageSettings Change(BuildpackStageSettings settings, Action<BuildpackStageSettings> change)
    {
        ArgumentNullException.ThrowIfNull(settings);
        change(settings);
        return settings;
    }
}
