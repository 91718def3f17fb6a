using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Sources;

/// <summary>
/// Buildpacks in archives on a web server (<c>.tgz</c>, <c>.tar.gz</c>, <c>.tar</c>, <c>.zip</c>), fetched with
/// <see cref="HttpClient"/>. The archive's sha256 is the identity; an archive already fetched for the same URL is
/// served from the cache with no network call.
/// </summary>
internal sealed class ArchiveSource : IBuildpackSource, IFetchStrategy
{
    private readonly HttpClient _client;
    private readonly ArchiveSourceOptions _options;

    /// <summary>Creates the source; <paramref name="handler"/> replaces the default HTTP handler (a proxy, tests).</summary>
    public ArchiveSource(ArchiveSourceOptions? options = null, HttpMessageHandler? handler = null)
    {
        _options = options ?? new ArchiveSourceOptions();
        _client = new HttpClient(handler ?? new SocketsHttpHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 10, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        {
            // Each attempt has its own timeout (ArchiveSourceOptions.Timeout).
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <inheritdoc />
    bool IFetchStrategy.TrustsRecordedPin => true;

    /// <inheritdoc />
    public bool CanResolve(BuildpackReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Kind == BuildpackReferenceKind.Archive;
    }

    /// <inheritdoc />
    public Task<ResolvedBuildpack> ResolveAsync(BuildpackReference reference, string destination, SourceContext context) =>
        CachedResolution.ResolveAsync(reference, destination, context, this);

    /// <inheritdoc />
    public BuildpackIdentity? IdentifyWithoutFetching(BuildpackReference reference, SourceContext context) =>
        CachedResolution.Identify(reference, context, this);

    /// <inheritdoc />
    BuildpackIdentity? IFetchStrategy.Pinned(BuildpackReference reference) => null;

    /// <inheritdoc />
    Task<BuildpackIdentity?> IFetchStrategy.CheckRemoteAsync(BuildpackReference reference, SourceContext context) => Task.FromResult<BuildpackIdentity?>(null);

    /// <inheritdoc />
    async Task<BuildpackIdentity> IFetchStrategy.FetchAsync(BuildpackReference reference, string tree, SourceContext context)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new BuildpackException(ErrorCodes.BuildpackSourceUnsupported, "Archive buildpacks are extracted with their Unix modes; stage on Linux or macOS.");
        }

        var archive = Path.Combine(Path.GetDirectoryName(tree)!, "download");
        context.Log.Info($"Buildpack {reference.Display}: downloading");
        var sha = await new ArchiveDownloader(_client, _options, reference).DownloadAsync(archive, context).ConfigureAwait(false);
        new ArchiveExtractor(reference, _options, context.Log).Extract(archive, tree, context.CancellationToken);
        return new BuildpackIdentity("archive", "sha256:" + sha);
    }
}
