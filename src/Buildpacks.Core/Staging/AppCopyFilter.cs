namespace Buildpacks.Core.Staging;

/// <summary>
/// What of the app directory a staging neither copies into the build nor counts in the fingerprint: <c>.git</c>, and
/// the droplet being written into the app directory itself, with its temporary files (<c>.NAME.GUID.tmp</c>).
/// </summary>
internal static class AppCopyFilter
{
    /// <summary>A filter over paths relative to <paramref name="appDirectory"/>; <paramref name="output"/> null: only <c>.git</c>.</summary>
    public static Func<string, bool> Excluding(string appDirectory, string? output) =>
        relative => relative == ".git" || (output is not null && IsOutputFile(Path.Combine(appDirectory, relative), output));

    private static bool IsOutputFile(string full, string output) =>
        full == output || (Path.GetDirectoryName(full) == Path.GetDirectoryName(output)
            && Path.GetFileName(full).StartsWith("." + Path.GetFileName(output) + ".", StringComparison.Ordinal));
}
