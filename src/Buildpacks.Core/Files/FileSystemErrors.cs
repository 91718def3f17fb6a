namespace Buildpacks.Core.Files;

/// <summary>
/// Says in a user's words why a file operation failed, so each step can add what to do about it. On Unix .NET keeps
/// the errno of a failure it has no exception type for in <see cref="Exception.HResult"/>; that tells a full disk
/// from a read-only one.
/// </summary>
internal static class FileSystemErrors
{
    // Linux errno values.
    private const int NoSpace = 28;
    private const int ReadOnlyFileSystem = 30;
    private const int QuotaExceeded = 122;

    /// <summary>Whether <paramref name="exception"/> is a failure of the file system rather than of our code.</summary>
    public static bool IsFileSystemFailure(Exception exception) => exception is IOException or UnauthorizedAccessException;

    /// <summary>Whether the file system had no room (or the user's quota was used up).</summary>
    public static bool IsOutOfSpace(Exception exception) => Unwrap(exception) is IOException { HResult: NoSpace or QuotaExceeded };

    /// <summary>Whether the file system is mounted read-only.</summary>
    public static bool IsReadOnly(Exception exception) => Unwrap(exception) is IOException { HResult: ReadOnlyFileSystem };

    /// <summary>The cause as a phrase about <paramref name="path"/>, e.g. <c>no space left on the file system of '/tmp'</c>, without a final full stop.</summary>
    public static string Cause(Exception exception, string path)
    {
        var failure = Unwrap(exception);
        if (IsOutOfSpace(failure))
        {
            return $"no space left on the file system of '{path}'";
        }

        if (IsReadOnly(failure))
        {
            return $"'{path}' is on a read-only file system";
        }

        // .NET's own messages name the path that failed, which may lie below the one given (a file in a tree).
        return failure is UnauthorizedAccessException
            ? failure.Message.TrimEnd('.')
            : $"'{path}': {failure.Message.TrimEnd('.')}";
    }

    private static Exception Unwrap(Exception exception) => exception is CopyFailure { InnerException: { } inner } ? inner : exception;
}
