using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Files;

/// <summary>
/// Reads and writes the files the engine itself handles in directories buildpacks control (Procfile, .slugignore,
/// config.yml, .release): a buildpack may leave a fifo there, which would block the read or the write forever, or a
/// link, which would send the write outside the build.
/// </summary>
internal static class RegularFile
{
    /// <summary>The file's text; null when there is none. A fifo, socket or device is a coded error.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="role">What the engine reads it as, for the message: "the app's Procfile".</param>
    public static string? ReadTextIfExists(string path, string role)
    {
        if (SpecialFile.Kind(path) is { } kind)
        {
            throw new BuildpackException(
                ErrorCodes.NotARegularFile,
                $"'{Path.GetFileName(path)}' is {kind}, not a regular file, so it cannot be read as {role}; reading it could wait forever. " +
                "Make it a regular file (or remove it) in the app or the buildpack that creates it.",
                path);
        }

        // A directory where a file is read is a mistake to point out, not a file that is missing.
        if (Directory.Exists(path))
        {
            throw new BuildpackException(
                ErrorCodes.NotARegularFile,
                $"'{Path.GetFileName(path)}' is a directory, not a regular file, so it cannot be read as {role}. Make it a file (or remove it).",
                path);
        }

        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    /// <summary>Replaces whatever is at <paramref name="path"/> (a file, a link, a fifo) with a new regular file.</summary>
    public static void Replace(string path, byte[] content)
    {
        var existing = new FileInfo(path);
        if (existing.LinkTarget is null && Directory.Exists(path))
        {
            throw new BuildpackException(
                ErrorCodes.NotARegularFile,
                $"'{Path.GetFileName(path)}' is a directory, where the engine writes a file of the droplet. Remove it in the buildpack that creates it.",
                path);
        }

        File.Delete(path);
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        file.Write(content);
    }
}
