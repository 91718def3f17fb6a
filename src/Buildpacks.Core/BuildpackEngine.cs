using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Requests;
using Buildpacks.Core.Sources;
using Buildpacks.Core.Staging;

namespace Buildpacks.Core;

/// <summary>
/// The staging engine every door uses: created once with its sources and host, then asked to stage, detect or
/// fingerprint. Holds no process-wide state, so one engine serves parallel stagings.
/// </summary>
public sealed class BuildpackEngine
{
    private readonly Stager _stager;
    private readonly BuildpackResolver _resolver;

    /// <summary>Creates an engine from <paramref name="options"/>.</summary>
    public BuildpackEngine(BuildpackEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _resolver = new BuildpackResolver(options.Sources);
        _stager = new Stager(options, _resolver);
    }

    /// <summary>The engine with local buildpack directories and scripts run on this machine.</summary>
    public static BuildpackEngine Default { get; } = new(new BuildpackEngineOptions());

    /// <summary>What this engine was made of.</summary>
    public BuildpackEngineOptions Options { get; }

    /// <summary>
    /// Stages the app. Every failure is a <see cref="BuildpackException"/> with a code (an unexpected one wrapped by
    /// <see cref="BuildpackException.FromUnexpected"/>), or an <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    public async Task<StagingResult> StageAsync(StagingRequest request, IStagingLog log, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _stager.StageAsync(request, log, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnexpected(ex))
        {
            throw BuildpackException.FromUnexpected(ex);
        }
    }

    /// <summary>Runs detection only, over a copy of the app, and says which candidate applies and why the others do not.</summary>
    public async Task<DetectionReport> DetectAsync(string appDirectory, IReadOnlyList<string> candidates, IStagingLog log, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _stager.DetectAsync(appDirectory, candidates, log, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnexpected(ex))
        {
            throw BuildpackException.FromUnexpected(ex);
        }
    }

    /// <summary>
    /// Resolves each reference afresh (whatever the lock file pinned before: a moved tag is taken as it is now), puts
    /// what it fetched in the buildpack cache, and writes the lock file atomically with exactly these references.
    /// </summary>
    public async Task<BuildpackLock> LockAsync(LockRequest request, IStagingLog log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);
        try
        {
            return await BuildpackLocker.LockAsync(_resolver, Options, request, log, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnexpected(ex))
        {
            throw BuildpackException.FromUnexpected(ex);
        }
    }

    /// <summary>
    /// A hash of everything the staging of <paramref name="request"/> reads, buildpacks by their identity: equal
    /// fingerprints stage equal droplets, so a door can skip a staging whose fingerprint has not changed.
    /// </summary>
    public string ComputeFingerprint(StagingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Locked references count as the identities the lock pins them to, so refreshing the lock restages.
        var lockFile = request.EffectiveLockFile();
        var pins = lockFile is not null && File.Exists(lockFile) ? LockPins.Read(lockFile, request.Buildpacks.Concat(request.Candidates)) : [];
        var context = SourceContext.Plain() with { CacheRoot = Options.BuildpackCacheDirectory, Offline = Options.Offline, Pins = pins };
        return StagingFingerprint.Compute(request, reference => _resolver.IdentifyWithoutFetching(BuildpackReference.Parse(reference), context));
    }

    private static bool IsUnexpected(Exception exception) => exception is not (BuildpackException or OperationCanceledException);
}
