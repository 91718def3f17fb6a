namespace Buildpacks.Core.Requests;

/// <summary>
/// How a door spells the settings the builder's errors are about, so each error names what the user wrote
/// (<c>--layout</c> on the command line, <c>BuildpackLayout</c> in MSBuild). Unset names are the engine's own words.
/// </summary>
public sealed record StagingSettingNames
{
    /// <summary>The names of <see cref="Buildpacks.Core.Staging.StagingRequest"/>'s properties.</summary>
    public static StagingSettingNames Default { get; } = new();

    /// <summary>What the door calls the directory it stages.</summary>
    public string AppDirectory { get; init; } = "app directory";

    /// <summary>What to do when the app directory does not exist.</summary>
    public string AppDirectoryAdvice { get; init; } = "Give the directory to stage (for a .NET app, its publish folder).";

    /// <summary>The setting naming buildpacks to use without detection.</summary>
    public string Buildpacks { get; init; } = "Buildpacks";

    /// <summary>The setting naming candidates for detection.</summary>
    public string Candidates { get; init; } = "Candidates";

    /// <summary>The setting holding <c>NAME=VALUE</c> variables.</summary>
    public string EnvironmentVariables { get; init; } = "Environment";

    /// <summary>The setting holding process types.</summary>
    public string ProcessTypes { get; init; } = "ProcessTypes";

    /// <summary>The setting holding the droplet layout.</summary>
    public string Layout { get; init; } = "Layout";

    /// <summary>The setting holding the Procfile mode.</summary>
    public string ProcfileMode { get; init; } = "ProcfileMode";

    /// <summary>The setting holding the platform.</summary>
    public string Platform { get; init; } = "Platform";

    /// <summary>The setting holding the timeout.</summary>
    public string Timeout { get; init; } = "Timeout";

    /// <summary>The setting naming the lock file.</summary>
    public string LockFile { get; init; } = "LockFile";

    /// <summary>The setting holding the droplet time stamp.</summary>
    public string Timestamp { get; init; } = "Timestamp";

    /// <summary>The setting holding the container engine's CLI.</summary>
    public string ContainerEngine { get; init; } = "ContainerEngine";
}
