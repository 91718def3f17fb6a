namespace Buildpacks.Core.Diagnostics;

/// <summary>
/// Implemented by a log that also shows how far a long step has got: packing the droplet, downloading a buildpack
/// archive. The engine calls it often (after each file or buffer); the log decides whether and how often to draw,
/// and never keeps such lines in a CI log or a redirected stream.
/// </summary>
internal interface IStagingProgress
{
    /// <summary>
    /// The step <paramref name="step"/> (<c>pack</c>, or <c>download NAME</c>) has handled <paramref name="bytes"/> (of
    /// <paramref name="totalBytes"/> when known) and <paramref name="files"/> files (0 when it counts no files).
    /// </summary>
    void Progress(string step, long bytes, long? totalBytes, int files);
}
