using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;
using Buildpacks.Core.Requests;

namespace Buildpacks.Core.Sources;

/// <summary>Writes a lock file: each reference resolved into a throwaway directory, its identity recorded.</summary>
internal static class BuildpackLocker
{
    public static async Task<BuildpackLock> LockAsync(BuildpackResolver resolver, BuildpackEngineOptions options, LockRequest request, IStagingLog log, CancellationToken cancellationToken)
    {
        var previous = Previous(request.LockFile, log);
        var context = new SourceContext(options.BuildpackCacheDirectory, options.Offline, new Dictionary<string, BuildpackIdentity>(), log, cancellationToken);
        var scratch = Directory.CreateTempSubdirectory("buildpacks-lock-").FullName;
        try
        {
            var resolved = new List<(BuildpackReference, BuildpackIdentity)>();
            foreach (var text in request.References)
            {
                var reference = BuildpackReference.Parse(text);
                var destination = Path.Combine(scratch, resolved.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Directory.CreateDirectory(destination);
                var buildpack = await resolver.ResolveAsync(reference, destination, context).ConfigureAwait(false);
                resolved.Add((reference, buildpack.Identity ?? throw new BuildpackException(
                    ErrorCodes.BuildpackSourceUnsupported,
                    $"The source of '{reference.Display}' does not say which version it served, so it cannot be locked.")));
            }

            var refreshed = previous.Refreshed(resolved, DateTimeOffset.UtcNow);
            refreshed.Write();
            foreach (var (key, locked) in refreshed.Entries)
            {
                log.Info($"Locked {key}: {locked.Identity}");
            }

            log.Info($"Lock file written: {refreshed.Path}");
            return refreshed;
        }
        finally
        {
            DirectoryRemover.DeleteQuietly(scratch);
        }
    }

    // A refresh keeps the times of unchanged entries; a lock file that cannot be read is replaced, not a reason to stop.
    private static BuildpackLock Previous(string lockFile, IStagingLog log)
    {
        if (!File.Exists(lockFile))
        {
            return BuildpackLock.Empty(lockFile);
        }

        try
        {
            return BuildpackLock.Load(lockFile);
        }
        catch (BuildpackException ex) when (ex.Code == ErrorCodes.LockFileInvalid)
        {
            log.Warning(new BuildpackDiagnostic(ex.Code, ex.Message + " It is written anew.", lockFile));
            return BuildpackLock.Empty(lockFile);
        }
    }
}
