using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;
using Buildpacks.Core.Sources;

namespace Buildpacks.Core.Staging;

/// <summary>
/// Where a cache directory may be. A staging replaces the whole cache directory with the buildpacks' working copy,
/// and buildpacks empty their cache at will (<c>rm -rf "$2"/*</c>), so whatever the cache directory is or holds is
/// lost: it must not be or hold the app, the droplet, result.json, a local buildpack, TMPDIR or the current
/// directory. Nor may it lie inside the app or a buildpack, which must not change while they are staged from.
/// Compared as real paths, so symlinks and trailing separators do not hide an overlap.
/// </summary>
internal static class CachePlacement
{
    /// <summary>Returns the cache directory's real path, or throws a coded error that says what to give instead.</summary>
    /// <param name="request">The staging, for its app and local buildpacks.</param>
    /// <param name="cacheDirectory">The cache directory as given.</param>
    /// <param name="outputs">The files the staging writes, by what they are ("the droplet"), as real paths.</param>
    /// <param name="buildpackCacheDirectory">The engine's directory of fetched buildpacks, when it has one.</param>
    public static string Check(StagingRequest request, string cacheDirectory, IReadOnlyList<(string Label, string Path)> outputs, string? buildpackCacheDirectory)
    {
        var cache = RealPath.Of(cacheDirectory);
        if (File.Exists(cache) || FileProbe.IsSpecialFile(cache))
        {
            throw Unusable(cache, "is a file, not a directory. Give a directory for the cache (it is created when missing), or remove the file");
        }

        var existing = OutputFileCheck.DeepestExisting(cache);
        if (!Directory.Exists(existing))
        {
            throw Unusable(cache, $"lies under '{existing}', which is a file, so the cache cannot be created there. Give a path in a directory");
        }

        var app = RealPath.Of(request.AppDirectory);
        foreach (var place in Places(request, app, outputs, buildpackCacheDirectory))
        {
            var relation = cache == place.Path ? "is"
                : RealPath.IsSameOrInside(place.Path, cache) ? "holds"
                : place.MustNotHoldCache && RealPath.IsSameOrInside(cache, place.Path) ? "lies inside"
                : null;
            if (relation is not null)
            {
                var why = relation == "lies inside"
                    ? $"{Capitalized(place.Label)} must not change while it is staged from, and every staging rewrites its cache."
                    : $"Every staging replaces the whole cache directory, and buildpacks empty their cache at will, so {place.Label} would be lost.";
                throw new BuildpackException(
                    ErrorCodes.CacheOverlaps,
                    $"The cache directory '{cache}' {relation} {place.Label} '{place.Path}'. {why} Give the cache a directory of its own, " +
                    $"e.g. '{Path.Combine(Path.GetDirectoryName(app) ?? app, "buildpacks-cache")}'; nothing was staged.",
                    cacheDirectory);
            }
        }

        if (outputs.FirstOrDefault(output => output.Path == cache + ".lock") is { Path: not null } locked)
        {
            throw new BuildpackException(
                ErrorCodes.CacheOverlaps,
                $"{Capitalized(locked.Label)} '{locked.Path}' is the cache's lock file. Give it another name; nothing was staged.",
                locked.Path);
        }

        return cache;
    }

    private static IEnumerable<(string Label, string Path, bool MustNotHoldCache)> Places(
        StagingRequest request, string app, IReadOnlyList<(string Label, string Path)> outputs, string? buildpackCacheDirectory)
    {
        yield return ("the app directory", app, true);
        foreach (var (label, path) in outputs)
        {
            yield return (label, path, false);
        }

        foreach (var reference in request.Buildpacks.Concat(request.Candidates).Select(r => BuildpackReference.Parse(r)))
        {
            if (reference.Kind == BuildpackReferenceKind.LocalDirectory)
            {
                yield return ("the buildpack", RealPath.Of(reference.Location), true);
            }
        }

        if (!string.IsNullOrEmpty(buildpackCacheDirectory))
        {
            yield return ("the buildpack download cache", RealPath.Of(buildpackCacheDirectory), true);
        }

        yield return ("the temporary directory (TMPDIR)", RealPath.Of(Path.GetTempPath()), false);
        if (CurrentDirectory() is { } current)
        {
            yield return ("the current directory", RealPath.Of(current), false);
        }
    }

    // A process whose current directory was deleted has none; then nothing can overlap it.
    private static string? CurrentDirectory()
    {
        try
        {
            return Environment.CurrentDirectory;
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemFailure(ex))
        {
            return null;
        }
    }

    private static string Capitalized(string label) => char.ToUpperInvariant(label[0]) + label[1..];

    private static BuildpackException Unusable(string cache, string problem) =>
        new(ErrorCodes.CacheUnusable, $"The cache directory '{cache}' {problem}; nothing was staged.", cache);
}
