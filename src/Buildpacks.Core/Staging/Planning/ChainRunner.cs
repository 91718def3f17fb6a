using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Release;

namespace Buildpacks.Core.Staging.Planning;

/// <summary>
/// Carries out a chained plan as Heroku's multi buildpack does: each buildpack's <c>bin/compile</c> (with the platform's arguments)
/// in turn, all with the one cache directory, and the <c>export</c> file a buildpack leaves beside its <c>bin/</c>
/// sourced into the environment of the ones after it. Then every <c>bin/release</c>: the last one's default process
/// types win, config vars and addons are merged.
/// </summary>
internal sealed class ChainRunner(PhaseRunner phases, StagingWorkspace workspace, PlatformProfile profile)
{
    private PhaseRunner _current = phases;

    /// <summary>The phases with the environment the chain ended with (what the last export left), for what runs after it.</summary>
    public PhaseRunner Current => _current;

    /// <summary>Compiles with every buildpack in order; returns what each left in its deps directory (nothing: Heroku buildpacks have none).</summary>
    public async Task<List<SupplyMetadata>> RunAsync(StagingPlan plan, string cacheRoot, CancellationToken cancellationToken)
    {
        var exports = new ExportSourcer(workspace);
        foreach (var buildpack in plan.Buildpacks)
        {
            if (!buildpack.HasScript("compile"))
            {
                throw new BuildpackException(
                    ErrorCodes.BuildpackScriptMissing,
                    $"Buildpack '{buildpack.DefaultName}' has no bin/compile, so it cannot run in a chain of buildpacks (.buildpacks, BUILDPACK_URL). " +
                    "Name it as an explicit buildpack instead to use Cloud Foundry's supply/finalize contract.",
                    buildpack.UserScript("compile"),
                    CfExitCodes.CompileFailed);
            }

            await _current.RunAsync(
                StagingPhase.Compile,
                buildpack,
                profile.CompileArguments(workspace.BuildDirectory, cacheRoot, workspace.EnvDirectory),
                ErrorCodes.CompileFailed,
                CfExitCodes.CompileFailed,
                cancellationToken).ConfigureAwait(false);
            if (await exports.SourceAsync(_current, buildpack, cancellationToken).ConfigureAwait(false) is { } exported)
            {
                _current = _current.With(exported);
            }
        }

        return [.. plan.Buildpacks.Select(_ => SupplyMetadata.None)];
    }

    /// <summary>Every buildpack's release, in order: the last default process types win, config vars and addons add up.</summary>
    public async Task<ReleaseInfo> ReleaseAsync(StagingPlan plan, CancellationToken cancellationToken)
    {
        var addons = new List<string>();
        var configVars = new Dictionary<string, string>(StringComparer.Ordinal);
        IReadOnlyDictionary<string, string> processTypes = new Dictionary<string, string>();
        foreach (var buildpack in plan.Buildpacks)
        {
            var release = await _current.ReleaseAsync(buildpack, cancellationToken).ConfigureAwait(false);
            addons.AddRange(release.Addons.Where(addon => !addons.Contains(addon, StringComparer.Ordinal)));
            foreach (var (name, value) in release.ConfigVars)
            {
                configVars[name] = value;
            }

            if (release.DefaultProcessTypes.Count > 0)
            {
                processTypes = release.DefaultProcessTypes;
            }
        }

        return new ReleaseInfo(addons, configVars, processTypes);
    }
}
