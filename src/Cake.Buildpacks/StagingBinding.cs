using Buildpacks.Core;
using Buildpacks.Core.Requests;
using Buildpacks.Core.Staging;
using Cake.Core;
using Cake.Core.IO;

namespace Cake.Buildpacks;

/// <summary>
/// Hands the aliases' settings to the engine's request builder, with Cake's working directory (which may differ
/// from the process's) as the base of relative paths.
/// </summary>
internal static class StagingBinding
{
    /// <summary>How the builder's errors name the settings: as the settings classes do.</summary>
    private static readonly StagingSettingNames Names = new()
    {
        Buildpacks = "WithBuildpack",
        Candidates = "WithCandidate",
        EnvironmentVariables = "WithEnvironmentVariable",
        ProcessTypes = "WithProcessType",
        Layout = "SetLayout",
        ProcfileMode = "SetProcfileMode",
        Timeout = "SetTimeout",
        Platform = "SetPlatform",
        Timestamp = "SetTimestamp",
        LockFile = "SetLockFile",
        ContainerEngine = "SetContainerEngine",
    };

    public static StagingRequest Stage(DirectoryPath appDirectory, BuildpackStageSettings settings, ICakeEnvironment environment)
    {
        var inputs = new StagingInputs
        {
            AppDirectory = appDirectory.FullPath,
            OutputPath = settings.DropletPath?.FullPath,
            CacheDirectory = settings.CacheDirectory?.FullPath,
            Stack = settings.Stack,
            Layout = settings.Layout is { } layout ? StagingNames.LayoutName(layout) : null,
            ProcfileMode = settings.ProcfileMode is { } mode ? StagingNames.ProcfileModeName(mode) : null,
            Platform = StagingNames.PlatformName(settings.Platform ?? StagingPlatform.Default),
            Timeout = DurationText.Format(settings.Timeout),
            ResultPath = settings.ResultPath?.FullPath,
            Timestamp = settings.Timestamp is { } timestamp ? StagingNames.TimestampText(timestamp) : null,
            ApplicationName = settings.ApplicationName,
            ManifestPath = settings.ManifestPath?.FullPath,
            ManifestApplication = settings.ManifestApplication,
            LockFile = settings.LockFile?.FullPath,
            StackImage = settings.StackImage,
            ContainerEngine = StagingNames.ContainerEngineName(settings.ContainerEngine),
        };
        foreach (var buildpack in settings.Buildpacks)
        {
            inputs.Buildpacks.Add(buildpack);
        }

        foreach (var candidate in settings.Candidates)
        {
            inputs.Candidates.Add(candidate);
        }

        foreach (var hook in settings.PreStagingHooks)
        {
            inputs.PreStagingHooks.Add(hook);
        }

        foreach (var hook in settings.PostStagingHooks)
        {
            inputs.PostStagingHooks.Add(hook);
        }

        foreach (var file in settings.EnvironmentFiles)
        {
            inputs.EnvironmentFiles.Add(file.FullPath);
        }

        foreach (var (name, value) in settings.EnvironmentVariables)
        {
            inputs.AddVariable(name, value);
        }

        foreach (var (type, command) in settings.ProcessTypes)
        {
            inputs.AddProcessType(type, command);
        }

        return EngineCall.Run(() => Builder(environment).Build(inputs));
    }

    public static DetectionRequest Detect(DirectoryPath appDirectory, BuildpackDetectSettings settings, ICakeEnvironment environment) =>
        EngineCall.Run(() => Builder(environment).BuildDetection(appDirectory.FullPath, settings.Candidates));

    public static LockRequest Lock(DirectoryPath appDirectory, BuildpackLockSettings settings, ICakeEnvironment environment) =>
        EngineCall.Run(() => new StagingRequestBuilder(environment.WorkingDirectory.FullPath, Names with { Buildpacks = "WithBuildpack" })
            .BuildLock(appDirectory.FullPath, settings.LockFile?.FullPath, settings.Buildpacks));

    /// <summary>The engine for the settings: the buildpack cache and offline mode are engine options, not request fields.</summary>
    public static BuildpackEngine Engine(DirectoryPath? buildpackCacheRoot, bool offline, ICakeEnvironment environment) => new(new BuildpackEngineOptions
    {
        BuildpackCacheDirectory = buildpackCacheRoot?.MakeAbsolute(environment).FullPath,
        Offline = offline,
    });

    private static StagingRequestBuilder Builder(ICakeEnvironment environment) =>
        new(environment.WorkingDirectory.FullPath, Names);
}
