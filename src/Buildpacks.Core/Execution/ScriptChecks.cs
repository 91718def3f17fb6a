using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Execution;

/// <summary>
/// Catches the ways buildpack scripts break on their way through Windows or zip files before bash
/// gives a cryptic error: a lost exec bit, CRLF line endings (<c>bash\r: bad interpreter</c>), and a UTF-8
/// byte order mark, which hides the shebang from the kernel so bash runs the script in place of its interpreter.
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

        var head = ReadHead(scriptPath);
        if (head.AsSpan().StartsWith(Utf8Bom))
        {
            throw new BuildpackException(
                ErrorCodes.ScriptHasBom,
                $"The script '{displayPath}' of buildpack '{buildpackName}' starts with a UTF-8 byte order mark (BOM), so the system " +
                "does not see its '#!' line and runs it with the wrong interpreter. Save it as UTF-8 without BOM " +
                $"(e.g. \"sed -i '1s/^\\xEF\\xBB\\xBF//' {displayPath}\", or 'UTF-8' rather than 'UTF-8 with BOM' in the editor), then stage again.",
                displayPath);
        }

        if (head.AsSpan().IndexOf("\r\n"u8) >= 0)
        {
            throw new BuildpackException(
                ErrorCodes.ScriptHasCrlf,
                $"The script '{displayPath}' of buildpack '{buildpackName}' has Windows (CRLF) line endings, so bash cannot run it " +
                "('bad interpreter'). Convert it to LF (e.g. 'sed -i \"s/\\r$//\" FILE', or '* text eol=lf' in .gitattributes), then stage again.",
                displayPath);
        }
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    // Scripts are small; the first 64 KiB hold the shebang and almost always the rest.
    private static byte[] ReadHead(string path)
    {
        var buffer = new byte[64 * 1024];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return buffer[..read];
    }
}
