namespace Buildpacks.Core.Diagnostics;

/// <summary>Codes of the lock file, the buildpack cache commands and secret references (BPK1152-BPK1169).</summary>
internal static partial class ErrorCodes
{
    /// <summary>A source no longer serves the version the lock file pins: a tag or branch moved, an archive changed, a local buildpack was edited.</summary>
    public const string LockedVersionUnavailable = "BPK1152";

    /// <summary>The lock file is not valid JSON of the form <c>buildpacks lock</c> writes.</summary>
    public const string LockFileInvalid = "BPK1153";

    /// <summary>A lock file was named but does not exist.</summary>
    public const string LockFileNotFound = "BPK1154";

    /// <summary>A staging with a lock file uses a buildpack the lock file has no entry for.</summary>
    public const string NotInLockFile = "BPK1155";

    /// <summary>The lock file cannot be written.</summary>
    public const string LockFileWriteFailed = "BPK1156";

    /// <summary><c>buildpacks lock</c> was given no buildpack.</summary>
    public const string NothingToLock = "BPK1157";

    /// <summary><c>cache prune --older-than</c> is not an age.</summary>
    public const string InvalidCacheAge = "BPK1158";

    /// <summary>An <c>env:NAME</c> buildpack reference names a variable that is not set (or is no variable name).</summary>
    public const string BuildpackVariableNotSet = "BPK1159";
}
