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

    /// <summary>The message prefixed with the code, as a console shows it.</summary>
    public override string ToString() => $"{Code}: {Message}";
}
