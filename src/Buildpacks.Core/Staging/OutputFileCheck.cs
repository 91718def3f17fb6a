using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;

namespace Buildpacks.Core.Staging;

/// <summary>
/// Checks, without creating anything, that a file the staging writes at the end (the droplet, result.json) can be
/// written there: not a directory or a device, under a folder that exists or can be created, that the user may write to.
/// </summary>
internal static class OutputFileCheck
{
    /// <summary>Returns the full path of <paramref name="path"/>, or throws a coded error that says what to give instead.</summary>
    /// <param name="path">The path as given.</param>
    /// <param name="what">What is written there, for messages: "droplet", "result file".</param>
    /// <param name="exampleName">A file name to suggest when a directory was given.</param>
    public static string Check(string path, string what, string exampleName)
    {
        var full = Path.GetFullPath(path);
        if (Path.EndsInDirectorySeparator(path) || Directory.Exists(full))
        {
            throw Unusable(full, what, $"names a directory. Give a file path for the {what}, e.g. '{Path.Combine(Path.TrimEndingDirectorySeparator(full), exampleName)}'");
        }

        if (FileProbe.IsSpecialFile(full))
        {
            throw Unusable(full, what, $"is a device, fifo or socket, which writing the {what} would replace. Give the path of a regular file");
        }

        var folder = DeepestExisting(Path.GetDirectoryName(full)!);
        if (!Directory.Exists(folder))
        {
            throw Unusable(full, what, $"lies under '{folder}', which is a file, so no folder can be made there. Give a path in a directory");
        }

        if (FileProbe.CannotCreateIn(folder) is { } denied)
        {
            throw Unusable(full, what, $"cannot be written: {FileSystemErrors.Cause(denied, folder)}. Give a path in a folder you can write to");
        }

        return full;
    }

    /// <summary>The path itself when it exists, else its nearest ancestor that does (a directory, or a file in the way).</summary>
    internal static string DeepestExisting(string path)
    {
        var current = path;
        while (!Directory.Exists(current) && !File.Exists(current) && Path.GetDirectoryName(current) is { } parent)
        {
            current = parent;
        }

        return current;
    }

    private static BuildpackException Unusable(string path, string what, string problem) =>
        new(ErrorCodes.OutputPathUnusable, $"The {what} path '{path}' {problem}; nothing was staged.", path);
}
