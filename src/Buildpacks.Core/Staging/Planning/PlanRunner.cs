using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;
using Buildpacks.Core.Release;
using Buildpacks.Core.Sources;

namespace Buildpacks.Core.Staging.Planning;

/// <summary>
/// Carries out a plan with Cloud Foundry's multi-buildpack contract: <c>bin/supply</c> of every buildpack but the
/// last, then the last one's <c>bin/finalize</c>, or its <c>bin/compile</c> (Heroku) when it has no finalize.
/// </summary>
internal sealed class PlanRunner(PhaseRunner phases, StagingWorkspace workspace, IStagingLog log, PlatformProfile profile)
{
    /// <summary>Runs the plan; returns what each buildpack left in its deps directory, in plan order.</summary>
    public async Task<List<SupplyMetadata>> RunAsync(StagingPlan plan, string cacheRoot, CancellationToken cancellationToken)
    {
        var buildpacks = plan.Buildpacks;
        var indexes = DepsIndexes(buildpacks.Count);
        var caches = CacheDirectories(buildpacks, cacheRoot);
        var supplied = new List<SupplyMetadata>();

        for (var i = 0; i < buildpacks.Count - 1; i++)
        {
            var buildpack = buildpacks[i];
            if (!buildpack.HasScript("supply"))
            {
                throw new BuildpackException(
                    ErrorCodes.SupplyMissing,
                    $"Buildpack '{buildpack.DefaultName}' is not the last buildpack, so it must supply dependencies, but it has no bin/supply. " +
                    "Put it last, or use a buildpack that supports Cloud Foundry's multi-buildpack contract.",
                    buildpack.UserScript("supply"),
                    CfExitCodes.SupplyFailed);
            }

            var deps = Path.Combine(workspace.DepsDirectory, indexes[i]);
            Directory.CreateDirectory(deps);
            await SupplyAsync(buildpack, caches[i], indexes[i], cancellationToken).ConfigureAwait(false);
            supplied.Add(SupplyMetadataReader.Read(deps));
        }

        var final = plan.Final;
        var finalDeps = Path.Combine(workspace.DepsDirectory, indexes[^1]);
        Directory.CreateDirectory(finalDeps);
        if (final.HasScript("finalize"))
        {
            if (final.HasScript("supply"))
            {
                await SupplyAsync(final, caches[^1], indexes[^1], cancellationToken).ConfigureAwait(false);
            }

            await phases.RunAsync(
                StagingPhase.Finalize,
                final,
                [workspace.BuildDirectory, caches[^1], workspace.DepsDirectory, indexes[^1], workspace.ProfileDirectory],
                ErrorCodes.CompileFailed,
                CfExitCodes.CompileFailed,
                cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await CompileAsync(final, buildpacks.Count > 1, finalDeps, caches[^1], cancellationToken).ConfigureAwait(false);
        }

        supplied.Add(Directory.Exists(finalDeps) ? SupplyMetadataReader.Read(finalDeps) : SupplyMetadata.None);
        return supplied;
    }

    /// <summary>CF pads IDX to the width of the buildpack count: 0..2 for 3 buildpacks, 00..10 for 11.</summary>
    internal static string[] DepsIndexes(int count)
    {
        var width = count.ToString(CultureInfo.InvariantCulture).Length;
        return [.. Enumerable.Range(0, count).Select(i => i.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'))];
    }

    private Task SupplyAsync(ResolvedBuildpack buildpack, string cache, string index, CancellationToken cancellationToken) =>
        phases.RunAsync(
            StagingPhase.Supply,
            buildpack,
            [workspace.BuildDirectory, cache, workspace.DepsDirectory, index],
            ErrorCodes.SupplyFailed,
            CfExitCodes.SupplyFailed,
            cancellationToken);

    private async Task CompileAsync(ResolvedBuildpack final, bool afterSupply, string finalDeps, string cache, CancellationToken cancellationToken)
    {
        if (!final.HasScript("compile"))
        {
            throw new BuildpackException(
                ErrorCodes.BuildpackScriptMissing,
                $"Buildpack '{final.DefaultName}' has neither bin/compile nor bin/finalize, so it cannot build the app.",
                final.UserScript("compile"),
                CfExitCodes.CompileFailed);
        }

        if (afterSupply)
        {
            log.Warning(new BuildpackDiagnostic(
                ErrorCodes.FinalWithoutFinalize,
                $"Buildpack '{final.DefaultName}' is last but has no bin/finalize; it was run with bin/compile and cannot use the dependencies supplied by the buildpacks before it.",
                final.UserScript("finalize")));
        }

        // A compile-only buildpack (Heroku contract) has no deps directory in the droplet.
        DirectoryRemover.Delete(finalDeps);
        await phases.RunAsync(
            StagingPhase.Compile,
            final,
            profile.CompileArguments(workspace.BuildDirectory, cache, workspace.EnvDirectory),
            ErrorCodes.CompileFailed,
            CfExitCodes.CompileFailed,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One buildpack uses the cache directory itself (Heroku). Several follow Cloud Foundry: the final one
    /// gets <c>final/</c>, each supply buildpack a directory named by a hash of its key, and nothing else is kept.
    /// </summary>
    private static string[] CacheDirectories(IReadOnlyList<ResolvedBuildpack> buildpacks, string cacheRoot)
    {
        if (buildpacks.Count == 1)
        {
            return [cacheRoot];
        }

        var names = buildpacks.Select((buildpack, i) => i == buildpacks.Count - 1
            ? "final"
            : Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(buildpack.Key)))).ToArray();
        foreach (var entry in new DirectoryInfo(cacheRoot).EnumerateFileSystemInfos())
        {
            if (!names.Contains(entry.Name, StringComparer.Ordinal))
            {
                if (entry is DirectoryInfo directory && directory.LinkTarget is null)
                {
                    DirectoryRemover.Delete(directory.FullName);
                }
                else
                {
                    entry.Delete();
                }
            }
        }

        return [.. names.Select(name => Directory.CreateDirectory(Path.Combine(cacheRoot, name)).FullName)];
    }
}
