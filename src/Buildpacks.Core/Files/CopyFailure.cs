using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Files;

/// <summary>
/// A tree copy failed at <see cref="Path"/>. <see cref="IsReading"/> tells a source that cannot be read (the user's
/// file) from a copy that cannot be written (a full or read-only destination), which need different remedies.
/// </summary>
internal sealed class CopyFailure : IOException
{
    public CopyFailure(string path, bool isReading, Exception inner)
        : base(inner.Message, inner)
    {
        Path = path;
        IsReading = isReading;
        HResult = inner.HResult;
    }

    /// <summary>The source entry that could not be read, or the copy that could not be written.</summary>
    public string Path { get; }

    /// <summary>True when reading the source failed; false when writing the copy did.</summary>
    public bool IsReading { get; }

    /// <summary>The coded error for a source the user who stages cannot read: <paramref name="what"/> names the tree copied.</summary>
    public BuildpackException Unreadable(string what, string remedy) =>
        new(
            ErrorCodes.InputUnreadable,
            $"{what} cannot be copied for staging: {FileSystemErrors.Cause(this, Path)}. Make it readable by the user who stages (chmod, chown){remedy}; nothing was staged.",
            Path,
            CfExitCodes.Other,
            this);
}
