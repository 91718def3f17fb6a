using System.Text.RegularExpressions;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Toml;
using Tomlyn.Model;

namespace Buildpacks.Core.Stacks;

/// <summary>Reads and checks a stack.toml the way <c>jam create-stack</c> does; every error names the key and its line.</summary>
internal static partial class StackFile
{
    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="BuildpackException">The file is missing or invalid (BPK1210-BPK1213, BPK1220).</exception>
    public static StackDefinition Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BuildpackException(ErrorCodes.StackFileInvalid, $"The stack file cannot be read ({ex.Message}). Give the path of a stack.toml.", full);
        }

        var table = TomlDocument.Parse(text, problem => new BuildpackException(ErrorCodes.StackFileInvalid, $"The stack file is not valid TOML: {problem}.", full));
        var reader = new Reader(full, text);

        var id = reader.String(table, "", "id");
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new BuildpackException(ErrorCodes.StackIdMissing, $"The stack file has no {TomlKeyLines.Name(text, "", "id")}: give the stack id, e.g. id = \"io.example.stacks.bookworm\".", full);
        }

        if (!StackId().IsMatch(id))
        {
            throw new BuildpackException(ErrorCodes.StackIdMissing, $"The {TomlKeyLines.Name(text, "", "id")} '{id}' is not a stack id: use letters, digits, '.', '-', '_' and '/'.", full);
        }

        var platforms = reader.Strings(table, "", "platforms");
        if (platforms.Count > 1 || platforms.Any(p => !Platform().IsMatch(p)))
        {
            throw new BuildpackException(
                ErrorCodes.StackPlatformUnsupported,
                $"The {TomlKeyLines.Name(text, "", "platforms")} must list at most one platform as OS/ARCH (e.g. [\"linux/amd64\"]): one image is built per stack.toml.",
                full);
        }

        if (table.TryGetValue("deprecated", out var deprecated) && deprecated is not TomlTable)
        {
            throw reader.WrongType("", "deprecated", "a table", deprecated);
        }

        return new StackDefinition(full, id, platforms, reader.Image(table, "build"), reader.Image(table, "run"));
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/-]{0,254}$")]
    private static partial Regex StackId();

    [GeneratedRegex("^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$")]
    private static partial Regex Platform();

    private sealed class Reader(string path, string text)
    {
        public StackImageDefinition Image(TomlTable root, string name)
        {
            if (!root.TryGetValue(name, out var value) || value is not TomlTable image)
            {
                throw value is null
                    ? new BuildpackException(ErrorCodes.StackDockerfileMissing, $"The stack file has no [{name}] table: give [{name}] with dockerfile, uid and gid.", path)
                    : WrongType("", name, "a table", value);
            }

            var dockerfile = String(image, name, "dockerfile");
            if (string.IsNullOrWhiteSpace(dockerfile))
            {
                throw new BuildpackException(ErrorCodes.StackDockerfileMissing, $"The stack file has no {TomlKeyLines.Name(text, name, "dockerfile")}: give the Dockerfile of the {name} image.", path);
            }

            var dockerfilePath = System.IO.Path.GetFullPath(dockerfile, System.IO.Path.GetDirectoryName(path)!);
            if (!File.Exists(dockerfilePath))
            {
                throw new BuildpackException(
                    ErrorCodes.StackDockerfileMissing,
                    $"The {TomlKeyLines.Name(text, name, "dockerfile")} names '{dockerfilePath}', which is not a file. Paths are relative to the stack file.",
                    path);
            }

            var uid = Id(image, name, "uid");
            var gid = Id(image, name, "gid");
            var shell = String(image, name, "shell") ?? "/bin/sh";
            if (!shell.StartsWith('/') || shell.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '\\' or '$'))
            {
                throw new BuildpackException(ErrorCodes.StackFileInvalid, $"The {TomlKeyLines.Name(text, name, "shell")} must be an absolute path with no spaces or quotes.", path);
            }

            return new StackImageDefinition(dockerfilePath, uid, gid, shell, String(image, name, "target"), Args(image, name));
        }

        public string? String(TomlTable table, string section, string key) => table.TryGetValue(key, out var value)
            ? value as string ?? throw WrongType(section, key, "a string", value)
            : null;

        public List<string> Strings(TomlTable table, string section, string key)
        {
            if (!table.TryGetValue(key, out var value))
            {
                return [];
            }

            return value is TomlArray array && array.All(v => v is string)
                ? [.. array.Cast<string>()]
                : throw WrongType(section, key, "an array of strings", value);
        }

        public BuildpackException WrongType(string section, string key, string expected, object? value) => new(
            ErrorCodes.StackFileInvalid,
            $"The {TomlKeyLines.Name(text, section, key)} must be {expected}, not {TomlDocument.Describe(value)}.",
            path);

        private long Id(TomlTable image, string section, string key)
        {
            if (!image.TryGetValue(key, out var value))
            {
                throw new BuildpackException(ErrorCodes.StackUserInvalid, $"The stack file has no {TomlKeyLines.Name(text, section, key)}: give the non-root stack user's {key}, e.g. {key} = 1000.", path);
            }

            return value switch
            {
                long id when id > 0 && id <= uint.MaxValue - 1 => id,
                long id => throw new BuildpackException(
                    ErrorCodes.StackUserInvalid,
                    $"The {TomlKeyLines.Name(text, section, key)} is {id}: the stack user must not be root, give a number above 0 (e.g. 1000).",
                    path),
                _ => throw new BuildpackException(ErrorCodes.StackUserInvalid, $"The {TomlKeyLines.Name(text, section, key)} must be an integer, not {TomlDocument.Describe(value)}.", path),
            };
        }

        private List<KeyValuePair<string, string>> Args(TomlTable image, string section)
        {
            if (!image.TryGetValue("args", out var value))
            {
                return [];
            }

            if (value is not TomlTable args)
            {
                throw WrongType(section, "args", "a table", value);
            }

            var result = new List<KeyValuePair<string, string>>();
            foreach (var (name, arg) in args)
            {
                var text = arg switch
                {
                    string s => s,
                    long or bool or double => Convert.ToString(arg, System.Globalization.CultureInfo.InvariantCulture)!.ToLowerInvariant(),
                    _ => throw WrongType($"{section}.args", name, "a string, number or boolean", arg),
                };
                result.Add(new(name, text));
            }

            return result;
        }
    }
}
