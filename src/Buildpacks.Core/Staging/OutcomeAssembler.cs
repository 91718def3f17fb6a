using Buildpacks.Core.Files;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Release;
using Buildpacks.Core.Staging.Planning;

namespace Buildpacks.Core.Staging;

/// <summary>
/// Turns what the buildpacks left behind (deps metadata, the release, the Procfile) into the outcome the metadata
/// files and the result describe: names and versions, process types, config vars, addons.
/// </summary>
internal static class OutcomeAssembler
{
    public static void Assemble(
        StagingRequest request,
        StagingWorkspace workspace,
        StagingPlan plan,
        IReadOnlyList<SupplyMetadata> supplied,
        ReleaseInfo release,
        StagingOutcome outcome,
        IStagingLog log)
    {
        var buildpacks = plan.Buildpacks;
        for (var i = 0; i < buildpacks.Count; i++)
        {
            var metadata = supplied[i];
            var name = metadata.Name ?? (i == buildpacks.Count - 1 ? plan.DetectedName : null) ?? buildpacks[i].DefaultName;
            outcome.Buildpacks.Add(new BuildpackOutcome(buildpacks[i].Key, name, metadata.Version ?? buildpacks[i].Version, metadata.Config, metadata.OutputMetadata)
            {
                Identity = buildpacks[i].Identity,
            });
        }

        outcome.DetectedBuildpack = plan.DetectedName ?? outcome.Buildpacks[^1].Name;
        outcome.EntrypointPrefix = supplied[^1].EntrypointPrefix;
        outcome.Addons.AddRange(release.Addons);
        foreach (var (name, value) in release.ConfigVars)
        {
            outcome.ConfigVars[name] = value;
        }

        MergeProcessTypes(request, workspace, supplied, release, outcome);
        if (!outcome.ProcessTypes.ContainsKey("web"))
        {
            var procfile = Path.Combine(Path.GetFullPath(request.AppDirectory), "Procfile");
            log.Warning(new BuildpackDiagnostic(
                ErrorCodes.NoWebProcess,
                PlatformProfile.Of(request.Platform).NoWebProcessMessage,
                File.Exists(procfile) ? procfile : null));
        }
    }

    private static void MergeProcessTypes(StagingRequest request, StagingWorkspace workspace, IReadOnlyList<SupplyMetadata> supplied, ReleaseInfo release, StagingOutcome outcome)
    {
        // CF: launch.yml of each buildpack, then the release's defaults, then the Procfile (read after
        // compile, since buildpacks write it), then the project's own overrides.
        // Errors name the app's own Procfile: the build directory is gone by the time the user reads them.
        var staged = Path.Combine(workspace.BuildDirectory, "Procfile");
        var procfile = RegularFile.ReadTextIfExists(staged, "the app's Procfile") is { } text
            ? Procfile.Parse(text, Path.Combine(Path.GetFullPath(request.AppDirectory), "Procfile"))
            : null;
        var keepDefaults = procfile is null || request.ProcfileMode == ProcfileMode.Merge;
        var layers = new List<IReadOnlyDictionary<string, string>>();
        if (keepDefaults)
        {
            layers.AddRange(supplied.Select(metadata => metadata.LaunchProcessTypes));
            layers.Add(release.DefaultProcessTypes);
        }

        if (procfile is not null)
        {
            layers.Add(procfile);
        }

        layers.Add(request.ProcessTypes);
        foreach (var (type, command) in layers.SelectMany(layer => layer))
        {
            outcome.ProcessTypes[type] = command;
        }
    }
}
