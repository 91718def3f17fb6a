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
}
