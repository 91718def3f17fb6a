namespace Buildpacks.Core.Tests.Toml;

/// <summary>
/// Locates the toml-test conformance corpus (<c>shared/toml-test</c>, cloned next to the repository in CI) and lists
/// the cases that apply to TOML 1.0.0.
/// </summary>
internal static class TomlTestCorpus
{
    /// <summary>Stands in for the whole corpus when it cannot be found, so the test fails with an explanation.</summary>
    public const string MissingMarker = "(toml-test corpus not found)";

    private static readonly Lazy<string?> Root = new(FindRoot);

    /// <summary>The corpus <c>tests</c> directory, or null when it is absent.</summary>
    public static string? TestsDirectory => Root.Value;

    public static string MissingMessage =>
        "The TOML conformance corpus was not found. Looked for 'shared/toml-test/tests/files-toml-1.0.0' and "
        + "'../shared/toml-test/tests/files-toml-1.0.0' in every directory from '" + AppContext.BaseDirectory
        + "' upwards. CI clones it next to the repository (shared/toml-test); restore it there to run these tests.";

    public static TheoryData<string> Cases(string prefix) =>
        TestsDirectory is null ? new TheoryData<string>(MissingMarker) : new TheoryData<string>(Listed("files-toml-1.0.0", prefix));

    /// <summary>The <c>.toml</c> files a corpus list (<c>files-toml-1.0.0</c>, <c>files-toml-1.1.0</c>) names under <paramref name="prefix"/>.</summary>
    public static IEnumerable<string> Listed(string list, string prefix) =>
        File.ReadAllLines(Path.Combine(TestsDirectory ?? throw new InvalidOperationException(MissingMessage), list))
            .Select(line => line.Trim())
            .Where(file => file.StartsWith(prefix, StringComparison.Ordinal) && file.EndsWith(".toml", StringComparison.Ordinal));

    public static string FullPath(string relative) =>
        Path.Combine(TestsDirectory ?? throw new InvalidOperationException(MissingMessage), relative.Replace('/', Path.DirectorySeparatorChar));

    private static string? FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (string candidate in new[] { Path.Combine(dir.FullName, "shared", "toml-test"), Path.Combine(dir.FullName, "..", "shared", "toml-test") })
            {
                string tests = Path.Combine(candidate, "tests");
                if (File.Exists(Path.Combine(tests, "files-toml-1.0.0")))
                {
                    return Path.GetFullPath(tests);
                }
            }
        }

        return null;
    }
}
