using Buildpacks.Core.Staging;

namespace Buildpacks.Core.Ci;

/// <summary>One staging told to a CI log, the same way from every door: masks first, then the staging, then its results.</summary>
internal static class CiStaging
{
    /// <summary>
    /// Registers the request's <see cref="KnownSecrets"/> with <paramref name="reporter"/>, stages, then reports the
    /// result (<see cref="ICiReporter.Staged"/>: closing lines, job summary, outputs <c>droplet</c> and <c>sha256</c>).
    /// </summary>
    /// <param name="engine">The engine to stage with.</param>
    /// <param name="request">The staging.</param>
    /// <param name="reporter">The CI log.</param>
    /// <param name="secretVariableNames">Variables of the request the caller marks secret (<c>--secret-env</c>).</param>
    /// <param name="cancellationToken">Stops the staging.</param>
    public static async Task<StagingResult> StageAsync(
        BuildpackEngine engine,
        StagingRequest request,
        ICiReporter reporter,
        IEnumerable<string>? secretVariableNames = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(reporter);
        reporter.AddSecrets(KnownSecrets.Of(request, secretVariableNames));
        var result = await engine.StageAsync(request, reporter, cancellationToken).ConfigureAwait(false);
        reporter.Staged(result);
        return result;
    }
}
