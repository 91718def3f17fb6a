namespace Buildpacks.Core.Staging;

/// <summary>Everything one staging needs. Doors build it from their own inputs.</summary>
public sealed record StagingRequest
{
    /// <summary>The default staging timeout, the same as Cloud Foundry's and Heroku's.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(15);

    /// <summary>The default stack name given to buildpacks in <c>STACK</c> and <c>CF_STACK</c>.</summary>
    public const string DefaultStack = "heroku-24";

    /// <summary>The app directory to stage. It is copied; the original is never modified.</summary>
    public required string AppDirectory { get; init; }

    /// <summary>The droplet file to write.</summary>
    public required string OutputPath { get; init; }

    /// <summary>
    /// Explicit buildpacks, in order: all but the last are supply buildpacks, the last is final.
    /// When empty, <see cref="Candidates"/> are detected in order.
    /// </summary>
    public IReadOnlyList<string> Buildpacks { get; init; } = [];

    /// <summary>Candidates for detection, in order; the first whose <c>bin/detect</c> exits 0 wins.</summary>
    public IReadOnlyList<string> Candidates { get; init; } = [];

    /// <summary>The cache directory kept between stagings of this app; created when missing. Null: a throwaway cache.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>User variables: written to the env dir and exported to buildpack processes.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The stack name, given to buildpacks as <c>STACK</c> and <c>CF_STACK</c>.</summary>
    public string Stack { get; init; } = DefaultStack;

    /// <summary>The droplet's layout.</summary>
    public DropletLayout Layout { get; init; } = DropletLayout.CloudFoundry;

    /// <summary>How the Procfile combines with buildpack defaults.</summary>
    public ProcfileMode ProcfileMode { get; init; } = ProcfileMode.Merge;

    /// <summary>Process types that win over both the buildpack's defaults and the Procfile.</summary>
    public IReadOnlyDictionary<string, string> ProcessTypes { get; init; } = new Dictionary<string, string>();

    /// <summary>How long the whole staging may take.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Where to write Cloud Foundry's <c>result.json</c>; null writes none.</summary>
    public string? ResultPath { get; init; }

    /// <summary>
    /// The time stamped on every droplet entry. Null: <c>SOURCE_DATE_EPOCH</c> from <see cref="Environment"/>
    /// or the process, else a fixed date, so identical inputs give identical droplets.
    /// </summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The application name given to buildpacks in <c>VCAP_APPLICATION</c>; defaults to the app directory's name.</summary>
    public string? ApplicationName { get; init; }

    /// <summary>
    /// The Cloud Foundry manifest to read (its application's buildpacks, env, stack, command, memory, name, path);
    /// null: the app directory's <c>manifest.yml</c>, when there is one. What the request sets itself wins.
    /// </summary>
    public string? ManifestPath { get; init; }

    /// <summary>The manifest's application to stage, by name; null: its only one.</summary>
    public string? ManifestApplication { get; init; }

    /// <summary>Shell commands run in the build directory before the first buildpack, after the app's <c>stackato.yml</c> ones.</summary>
    public IReadOnlyList<string> PreStagingHooks { get; init; } = [];

    /// <summary>Shell commands run in the build directory after the last buildpack, before release and packing.</summary>
    public IReadOnlyList<string> PostStagingHooks { get; init; } = [];

    /// <summary>
    /// Whose contract to follow where the platforms differ: compile's arguments, the staging variables, whether the
    /// user's variables reach compile. The request builder also takes the stack, layout and Procfile mode the
    /// request leaves empty from it.
    /// </summary>
    public StagingPlatform Platform { get; init; } = StagingPlatform.Default;

    /// <summary>
    /// The lock file pinning each buildpack to an exact version (<c>buildpacks lock</c> writes it); it must exist.
    /// Null: <c>buildpacks.lock.json</c> in the app directory when there is one, else no lock.
    /// </summary>
    public string? LockFile { get; init; }

    /// <summary>The lock file this request stages with: <see cref="LockFile"/>, else the app directory's own when it exists; null: none.</summary>
    internal string? EffectiveLockFile()
    {
        if (LockFile is not null)
        {
            return Path.GetFullPath(LockFile);
        }

        var beside = Path.Combine(Path.GetFullPath(AppDirectory), Sources.BuildpackLock.DefaultFileName);
        return File.Exists(beside) ? beside : null;
    }

    /// <summary>
    /// A stack image to stage in: every script runs in one container of it, as its non-root user. Null: the engine's
    /// host (by default this machine).
    /// </summary>
    public string? StackImage { get; init; }

    /// <summary>The CLI that drives the container engine when <see cref="StackImage"/> is set.</summary>
    public ContainerEngine ContainerEngine { get; init; } = ContainerEngine.Docker;
}
