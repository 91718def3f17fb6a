using System.Runtime.Versioning;
using System.Security.Cryptography;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Sources;

/// <summary>
/// Buildpacks in archive files on this machine (<c>.zip</c>, <c>.tgz</c>, <c>.tar.gz</c>, <c>.tar</c>), such as a zip
/// made by <c>buildpacks package --cached</c>. The file's sha256 is the identity, so a changed file is a new buildpack
/// for the lock file and for incremental builds. It is extracted once per content into the buildpack cache, beside
/// the archives fetched from URLs, and served from there afterwards. No network is ever used, offline or not.
/// </summary>
internal sealed class LocalArchiveSource : IBuildpackSource
{
    private readonly ArchiveSourceOptions _options;

    /// <summary>Creates the source; <paramref name="options"/> bound what an archive may hold.</summary>
    public LocalArchiveSource(ArchiveSourceOptions? options = null) => _options = options ?? new ArchiveSourceOptions();

    /// <inheritdoc />
    public bool CanResolve(BuildpackReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Kind == BuildpackReferenceKind.LocalArchive;
    }

    /// <inheritdoc />
    public async Task<ResolvedBuildpack> ResolveAsync(BuildpackReference reference, string destination, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(context);
        if (OperatingSystem.IsWindows())
        {
            throw new BuildpackException(ErrorCodes.BuildpackSourceUnsupported, "Archive buildpacks are extracted with their Unix modes; stage on Linux or macOS.");
        }

        var file = reference.Location;
        if (!File.Exists(file))
        {
            throw new BuildpackException(
                ErrorCodes.LocalArchiveNotFound,
                $"The buildpack archive '{reference.Display}' does not exist. Give the path of a buildpack zip or tarball (buildpacks package writes one), or the buildpack's directory.",
                file);
        }

        var identity = IdentityOf(file);
        if (context.Pins.GetValueOrDefault(reference.Original) is { } locked && locked != identity)
        {
            throw CachedResolution.NoLongerServed(reference, locked, identity, context);
        }

        var cache = BuildpackCache.For(context);
        if (await CachedResolution.ServeAsync(cache, reference, identity, destination, context, "from the buildpack cache").ConfigureAwait(false) is { } cached)
        {
            return cached;
        }

        var how = "from the buildpack cache";
        using (await cache.LockAsync(reference, context.CancellationToken).ConfigureAwait(false))
        {
            // Another staging may have extracted the same content while this one waited for the lock.
            if (cache.Find(reference, identity) is null)
            {
                Extract(reference, file, identity, cache, context);
                how = "extracted";
            }
        }

        return await CachedResolution.ServeAsync(cache, reference, identity, destination, context, how).ConfigureAwait(false)
            ?? throw CachedResolution.RemovedWhileInstalling(reference, cache);
    }

    /// <inheritdoc />
    public BuildpackIdentity? IdentifyWithoutFetching(BuildpackReference reference, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return File.Exists(reference.Location) ? IdentityOf(reference.Location) : null;
    }

    private static BuildpackIdentity IdentityOf(string file)
    {
        using var stream = File.OpenRead(file);
        return new BuildpackIdentity("archive", "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    [UnsupportedOSPlatform("windows")]
    private void Extract(BuildpackReference reference, string file, BuildpackIdentity identity, BuildpackCache cache, SourceContext context)
    {
        var scratch = cache.NewScratchDirectory();
        try
        {
            var tree = Path.Combine(scratch, "tree");
            Directory.CreateDirectory(tree);
            context.Log.Info($"Buildpack {reference.Display}: extracting");
            new ArchiveExtractor(reference, _options, context.Log).Extract(file, tree, context.CancellationToken);

            cache.Install(reference, identity, tree);
        }
        finally
        {
            Files.DirectoryRemover.DeleteQuietly(scratch);
        }
    }
}
