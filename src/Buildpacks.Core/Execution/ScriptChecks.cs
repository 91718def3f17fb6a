using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Execution;

/// <summary>
/// Catches the two ways buildpack scripts break on their way through Windows or zip files before bash
/// gives a cryptic error: a lost exec bit, and CRLF line endings (<c>bash\r: bad interpreter</c>).
/// </summary>
internal static class ScriptChecks
{
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public static void EnsureRunnable(string scriptPath, string buildpackName, string displayPath)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(scriptPath) & AnyExecute) == 0)
        {
            throw new BuildpackException(
                ErrorCodes.ScriptNotExecutable,
                $"The script '{displayPath}' of buildpack '{buildpackName}' is not executable. " +
                $"Run 'chmod +x {displayPath}' (or 'git update-index --chmod=+x' on the file in the buildpack's repository), " +
                "then stage again. Zip files made on Windows and checkouts with core.fileMode=false lose the exec bit.",
                displayPath);
        }

        if (HasCrlfLineEndings(scriptPath))
        {
            throw new BuildpackException(
                ErrorCodes.ScriptHasCrlf,
                $"The script '{displayPath}' of buildpack '{buildpackName}' has Windows (CRLF) line endings, so bash cannot run it " +
                "('bad interpreter'). Convert it to LF (e.g. 'sed -i \"s/\\r$//\" FILE', or '* text eol=lf' in .gitattributes), then stage again.",
                displayPath);
        }
    }

    // Scripts are small; the first 64 KiB hold the shebang and almost always the rest.
    private static bool HasCrlfLineEndings(string path)
    {
        var buffer = new byte[64 * 1024];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return buffer.AsSpan(0, read).IndexOf("\r\n"u8) >= 0;
    }
}
