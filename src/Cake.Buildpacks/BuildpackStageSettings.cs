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

    /// <summary>The stack name given to buildpacks as <c>STACK</c> and <c>CF_STACK</c>.</summary>
    public string Stack { get; set; } = StagingRequest.DefaultStack;

    /// <summary>The droplet layout: a Cloud Foundry droplet (the default) or a Heroku slug.</summary>
    public DropletLayout Layout { get; set; } = DropletLayout.CloudFoundry;

    /// <summary>How the app's Procfile combines with the buildpack's default process types.</summary>
    public ProcfileMode ProcfileMode { get; set; } = ProcfileMode.Merge;

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

    /// <summary>A stack image to stage in, as its non-root user (it must be in the engine; nothing is pulled); null: on this machine.</summary>
    public string? StackImage { get; set; }

    /// <summary>The CLI that drives the engine for <see cref="StackImage"/>.</summary>
    public ContainerEngine ContainerEngine { get; set; } = ContainerEngine.Docker;
}
