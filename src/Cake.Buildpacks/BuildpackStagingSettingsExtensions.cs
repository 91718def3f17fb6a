using Buildpacks.Core.Staging;
using Cake.Core.IO;

namespace Cake.Buildpacks;

/// <summary>Fluent setters for <see cref="BuildpackStagingSettings"/>: <c>With...</c> adds to a list, <c>Set...</c> replaces a value.</summary>
public static class BuildpackStagingSettingsExtensions
{
    /// <summary>Adds a buildpack after the ones already given (the last one builds the app; detection is skipped).</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="reference">The buildpack directory (relative ones are read from the project's directory).</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStagingSettings WithBuildpack(this BuildpackStagingSettings settings, string reference) =>
        Change(settings, s => s.Buildpacks.Add(reference));

    /// <summary>Adds a candidate for detection after the ones already given.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="reference">The buildpack directory (relative ones are read from the project's directory).</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStagingSettings WithCandidate(this BuildpackStagingSettings settings, string reference) =>
        Change(settings, s => s.Candidates.Add(reference));

    /// <summary>Sets the stack name given to buildpacks.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="stack">The stack, e.g. <c>heroku-24</c>.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStagingSettings SetStack(this BuildpackStagingSettings settings, string stack) =>
        Change(settings, s => s.Stack = stack);

    /// <summary>Sets the cache directory kept between stagings.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="cacheDirectory">The cache directory.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStagingSettings SetCacheDirectory(this BuildpackStagingSettings settings, DirectoryPath cacheDirectory) =>
        Change(settings, s => s.CacheDirectory = cacheDirectory);

    /// <summary>Sets the droplet file to write.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="dropletPath">The droplet path.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStagingSettings SetDropletPath(this BuildpackStagingSettings settings, FilePath dropletPath) =>
        Change(settings, s => s.DropletPath = dropletPath);

    /// <summary>Sets the droplet layout.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="layout"><see cref="DropletLayout.CloudFoundry"/> or <see cref="DropletLayout.Heroku"/>.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStagingSettings SetLayout(this BuildpackStagingSettings settings, DropletLayout layout) =>
        Change(settings, s => s.Layout = layout);

    /// <summary>Sets how long staging may take.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="timeout">The limit.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStagingSettings SetTimeout(this BuildpackStagingSettings settings, TimeSpan timeout) =>
        Change(settings, s => s.Timeout = timeout);

    /// <summary>Sets how the app's Procfile combines with the buildpack's default process types.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="mode"><see cref="ProcfileMode.Merge"/> or <see cref="ProcfileMode.ReplaceDefaults"/>.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStagingSettings SetProcfileMode(this BuildpackStagingSettings settings, ProcfileMode mode) =>
        Change(settings, s => s.ProcfileMode = mode);

    /// <summary>Adds (or replaces) a variable for the env dir and the buildpacks' environment.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="name">The variable name, a shell identifier.</param>
    /// <param name="value">The value, taken as is (<c>;</c> and <c>%</c> included).</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStagingSettings WithEnvironmentVariable(this BuildpackStagingSettings settings, string name, string value) =>
        Change(settings, s => s.EnvironmentVariables[name] = value);

    /// <summary>Adds a file of <c>NAME=VALUE</c> lines; variables set one by one win over it.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="file">The env file (relative ones are read from the project's directory).</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStagingSettings WithEnvironmentFile(this BuildpackStagingSettings settings, FilePath file) =>
        Change(settings, s => s.EnvironmentFiles.Add(file));

    /// <summary>Adds (or replaces) a process type that wins over the buildpack's defaults and the Procfile.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="name">The process type, e.g. <c>web</c> or <c>worker</c>.</param>
    /// <param name="command">The command line.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStagingSettings WithProcessType(this BuildpackStagingSettings settings, string name, string command) =>
        Change(settings, s => s.ProcessTypes[name] = command);

    /// <summary>Also writes Cloud Foundry's <c>result.json</c>.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="resultPath">The file (relative ones are read from the project's directory).</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStagingSettings SetResultPath(this BuildpackStagingSettings settings, FilePath resultPath) =>
        Change(settings, s => s.ResultPath = resultPath);

    /// <summary>Sets the time stamped on every droplet entry.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="timestamp">The time stamp.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStagingSettings SetTimestamp(this BuildpackStagingSettings settings, DateTimeOffset timestamp) =>
        Change(settings, s => s.Timestamp = timestamp);

    /// <summary>Sets the application name given to buildpacks in <c>VCAP_APPLICATION</c>.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="name">The application name.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStagingSettings SetApplicationName(this BuildpackStagingSettings settings, string name) =>
        Change(settings, s => s.ApplicationName = name);

    /// <summary>Sets the shared cache of buildpacks fetched from URLs.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="cacheRoot">The directory, relative to the working directory or absolute.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStagingSettings SetBuildpackCacheRoot(this BuildpackStagingSettings settings, DirectoryPath cacheRoot) =>
        Change(settings, s => s.BuildpackCacheRoot = cacheRoot);

    /// <summary>Uses no network: buildpack URLs come from the buildpack cache only.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="offline">Whether to stay offline.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStagingSettings UseOffline(this BuildpackStagingSettings settings, bool offline = true) =>
        Change(settings, s => s.Offline = offline);

    /// <summary>Reads this Cloud Foundry manifest (its application's buildpacks, env, stack, command, memory, name, path).</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="manifestPath">The manifest, relative to the working directory or absolute.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStagingSettings SetManifestPath(this BuildpackStagingSettings settings, FilePath manifestPath) =>
        Change(settings, s => s.ManifestPath = manifestPath);

    /// <summary>Picks the manifest's application to stage, when it lists several.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="name">The application's name in the manifest.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStagingSettings SetManifestApplication(this BuildpackStagingSettings settings, string name) =>
        Change(settings, s => s.ManifestApplication = name);

    /// <summary>Adds a shell command run in the build directory before the first buildpack.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="command">The command, run by bash with the staging environment.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStagingSettings WithPreStagingHook(this BuildpackStagingSettings settings, string command) =>
        Change(settings, s => s.PreStagingHooks.Add(command));

    /// <summary>Adds a shell command run in the build directory after the last buildpack, before release and packing.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="command">The command, run by bash with the staging environment.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStagingSettings WithPostStagingHook(this BuildpackStagingSettings settings, string command) =>
        Change(settings, s => s.PostStagingHooks.Add(command));

    /// <summary>Follows this platform's staging contract where the platforms differ.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="platform">Heroku, Cloud Foundry, Scalingo, Dokku or Stackato (or the default).</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStagingSettings SetPlatform(this BuildpackStagingSettings settings, StagingPlatform platform) =>
        Change(settings, s => s.Platform = platform);
    /// <summary>Sets the lock file pinning each buildpack to an exact version.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="lockFile">The lock file, relative to the working directory or absolute; it must exist.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStagingSettings SetLockFile(this BuildpackStagingSettings settings, FilePath lockFile) =>
        Change(settings, s => s.LockFile = lockFile);
    /// <summary>Stages inside a container of a stack image, as its non-root user (the image must be in the engine).</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="image">The stack image, e.g. <c>localhost/buildpacks-stack:bookworm</c>.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStagingSettings SetStackImage(this BuildpackStagingSettings settings, string image) =>
        Change(settings, s => s.StackImage = image);

    /// <summary>Sets the CLI that drives the container engine for the stack image.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="engine"><see cref="ContainerEngine.Docker"/> (Docker, or podman through DOCKER_HOST) or <see cref="ContainerEngine.Podman"/>.</param>
    /// <returns>The same settings, for chaining.</returns>
    public static BuildpackStagingSettings SetContainerEngine(this BuildpackStagingSettings settings, ContainerEngine engine) =>
        Change(settings, s => s.ContainerEngine = engine);

    private static BuildpackStagingSettings Change(BuildpackStagingSettings settings, Action<BuildpackStagingSettings> change)
    {
        ArgumentNullException.ThrowIfNull(settings);
        change(settings);
        return settings;
    }
}
