using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;
using Buildpacks.Core.Sources;

namespace Buildpacks.Core.Staging.Planning;

/// <summary>
/// The app's <c>.buildpacks</c> file, as Heroku's multi buildpack, herokuish, Dokku and Scalingo read it: one
/// reference per line, <c>#ref</c> kept, CR stripped, blank lines and <c>#</c> comment lines ignored.
/// </summary>
internal static class AppBuildpacksFile
{
    public const string FileName = ".buildpacks";

    /// <summary>The references the app declares, local ones as full paths (relative to the app); null when it has no such file.</summary>
    public static IReadOnlyList<string>? Read(string appDirectory)
    {
        var path = Path.Combine(Path.GetFullPath(appDirectory), FileName);
        return RegularFile.ReadTextIfExists(path, "the app's .buildpacks file") is { } text ? Parse(text, path) : null;
    }

    /// <summary>Reads the lines of <paramref name="text"/>; a line that is no reference is a coded error with its number.</summary>
    public static List<string> Parse(string text, string path)
    {
        var appDirectory = Path.GetDirectoryName(path)!;
        var references = new List<string>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            references.Add(Reference(line, i + 1, path, appDirectory));
        }

        return references;
    }

    private static string Reference(string line, int number, string path, string appDirectory)
    {
        // A reference never holds white space; a line that does is prose or a command pasted in by mistake.
        if (line.Any(char.IsWhiteSpace))
        {
            throw Junk(number, path, "holds white space");
        }

        try
        {
            var reference = BuildpackReference.Parse(line, appDirectory);
            return reference.IsLocal ? reference.Location : line;
        }
        catch (BuildpackException ex)
        {
            throw Junk(number, path, "is not a buildpack reference (" + ex.Message + ")");
        }
    }

    private static BuildpackException Junk(int number, string path, string why) => new(
        ErrorCodes.BuildpacksFileInvalid,
        $"Line {number} of the app's .buildpacks file {why}. Write one buildpack per line: a git or archive URL " +
        "(https://host/repo.git#ref), or a directory relative to the app; start comments with '#'.",
        path);
}
