using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;
using YamlDotNet.Core;

namespace Buildpacks.Core.Declared;

/// <summary>
/// The staging hooks of the app's <c>stackato.yml</c> (<c>hooks: pre-staging: [...]</c>, <c>post-staging: [...]</c>,
/// a single command allowed for a list); its other keys are Stackato's deployment settings and ignored here.
/// </summary>
internal static class StackatoHooks
{
    public const string FileName = "stackato.yml";

    /// <summary>The app's hooks: pre-staging and post-staging commands, in order; empty when it has no <c>stackato.yml</c>.</summary>
    public static (IReadOnlyList<string> PreStaging, IReadOnlyList<string> PostStaging) Read(string appDirectory)
    {
        var path = Path.Combine(Path.GetFullPath(appDirectory), FileName);
        if (RegularFile.ReadTextIfExists(path, "the app's stackato.yml") is not { } text)
        {
            return ([], []);
        }

        object? root;
        try
        {
            root = YamlReader.Deserialize(text);
        }
        catch (YamlException ex)
        {
            throw Invalid(path, $"is not valid YAML ({ex.Start}: {ex.InnerException?.Message ?? ex.Message})");
        }

        if (root is not IDictionary<object, object?> map || !map.TryGetValue("hooks", out var hooks) || hooks is null)
        {
            return ([], []);
        }

        return hooks is IDictionary<object, object?> lists
            ? (Commands(lists, "pre-staging", path), Commands(lists, "post-staging", path))
            : throw Invalid(path, "has 'hooks' that are not a map of pre-staging and post-staging lists");
    }

    private static List<string> Commands(IDictionary<object, object?> hooks, string key, string path) =>
        !hooks.TryGetValue(key, out var value) || value is null ? []
        : value is string single ? [single]
        : value is IList<object?> list ? [.. list.Select((item, i) => item as string ?? throw Invalid(path, $"has 'hooks.{key}[{i}]' that is not a command"))]
        : throw Invalid(path, $"has 'hooks.{key}' that is not a list of commands");

    private static BuildpackException Invalid(string path, string why) =>
        new(ErrorCodes.StackatoInvalid, $"The app's stackato.yml {why}. Fix the file, or remove it.", path);
}
