namespace Buildpacks.Core.Staging;

/// <summary>How a staging gets the build directory from the app, and the working cache from the cache.</summary>
internal enum StagingTreeMode
{
    /// <summary>The cheapest that works here: an overlay mount, else a parallel copy, else a copy.</summary>
    Automatic,

    /// <summary>An overlay mount over the tree (root on Linux); nothing is copied. Staging fails where it cannot be mounted.</summary>
    Overlay,

    /// <summary>A copy on all cores: creating files is what costs, and the kernel creates them in parallel.</summary>
    ParallelCopy,

    /// <summary>A copy, one file after the other.</summary>
    Copy,
}
