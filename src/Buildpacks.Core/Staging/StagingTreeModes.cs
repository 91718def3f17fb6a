using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Staging;

/// <summary>What each mode means for the build directory and the cache alike.</summary>
internal static class StagingTreeModes
{
    /// <summary>Whether to try an overlay mount: when forced, or automatically where it can work (root on Linux).</summary>
    [SupportedOSPlatformGuard("linux")]
    public static bool TriesOverlay(this StagingTreeMode mode) =>
        OperatingSystem.IsLinux() && (mode == StagingTreeMode.Overlay || (mode == StagingTreeMode.Automatic && Environment.IsPrivilegedProcess));

    /// <summary>How many threads a copy uses; a forced parallel copy uses two even on one core, so it is what runs.</summary>
    public static int CopyThreads(this StagingTreeMode mode) => mode switch
    {
        StagingTreeMode.Copy => 1,
        StagingTreeMode.ParallelCopy => Math.Max(2, Environment.ProcessorCount),
        _ => Environment.ProcessorCount,
    };

    /// <summary>The error for the forced overlay mode when the mount of the <paramref name="what"/> failed with errno <paramref name="error"/>.</summary>
    public static BuildpackException OverlayUnavailable(string what, string path, int error) => new(
        ErrorCodes.OverlayUnavailable,
        $"The {what} '{path}' cannot be overlay-mounted for staging: {Marshal.GetPInvokeErrorMessage(error)}. Stage without forcing the overlay mode; nothing was staged.",
        path);
}
