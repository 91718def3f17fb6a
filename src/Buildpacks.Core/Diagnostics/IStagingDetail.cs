namespace Buildpacks.Core.Diagnostics;

/// <summary>
/// Implemented by a log that shows details a user looks at only when asking why (a verbose level): e.g. how the build
/// directory and the cache were made. A log without it never sees them, so the default output stays as it was.
/// </summary>
internal interface IStagingDetail
{
    /// <summary>One detail of the engine's own work.</summary>
    void Detail(string message);
}
