namespace Buildpacks.Core.Diagnostics;

/// <summary>
/// A failure the user can act on: a stable <see cref="Code"/>, a message that says what to do,
/// the file it is about when there is one, and the Cloud Foundry exit code that fits.
/// </summary>
public sealed class BuildpackException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BuildpackException(string code, string message, string? file = null, int exitCode = CfExitCodes.Other, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        File = file;
        ExitCode = exitCode;
    }

    /// <summary>The diagnostic code, <c>BPK</c> and four digits.</summary>
    public string Code { get; }

    /// <summary>The file the failure is about (a script, an env file, the app's Procfile), when there is one.</summary>
    public string? File { get; }

    /// <summary>The process exit code a command-line door should end with.</summary>
    public int ExitCode { get; }

    /// <summary>
    /// Wraps a failure nobody expected into a coded one, the original kept as <see cref="Exception.InnerException"/>:
    /// <see cref="ErrorCodes.FileSystemFailed"/> for a file system failure, with its cause and what to do, else
    /// <see cref="ErrorCodes.InternalError"/>. Every door reports it like any other coded error, in one line.
    /// </summary>
    public static BuildpackException FromUnexpected(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is BuildpackException coded)
        {
            return coded;
        }

        var message = exception.Message.TrimEnd('.');
        if (Files.FileSystemErrors.IsOutOfSpace(exception))
        {
            return new BuildpackException(
                ErrorCodes.FileSystemFailed,
                $"A file could not be written, no space left on its file system ({message}). Free space, or point TMPDIR, the cache " +
                "directory or the droplet at a file system with room.",
                null,
                CfExitCodes.Other,
                exception);
        }

        if (Files.FileSystemErrors.IsFileSystemFailure(exception))
        {
            return new BuildpackException(
                ErrorCodes.FileSystemFailed,
                $"A file operation failed: {message}. Check that the path named exists and that the user who stages may read and write it.",
                null,
                CfExitCodes.Other,
                exception);
        }

        return new BuildpackException(
            ErrorCodes.InternalError,
            $"Internal error: {exception.GetType().Name}: {message}. This is a bug in Buildpacks.Tasks, not in what you gave it: please report it with this message.",
            null,
            CfExitCodes.Other,
            exception);
    }

    /// <summary>The message prefixed with the code, as a console shows it.</summary>
    public override string ToString() => $"{Code}: {Message}";
}
