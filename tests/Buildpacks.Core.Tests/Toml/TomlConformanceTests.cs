using System.Text.Json.Nodes;
using Tomlyn.Model;

namespace Buildpacks.Core.Tests.Toml;

/// <summary>
/// Runs every file the toml-test corpus lists for TOML 1.0.0 (<c>shared/toml-test/tests/files-toml-1.0.0</c>) through
/// the engine's TOML reading (<see cref="Core.Toml.TomlDocument.ParseFile"/>): valid documents must decode to the value
/// in the <c>.json</c> beside them, invalid ones must be rejected with a located problem, except the exact list of
/// forms TOML 1.1 allows, which Tomlyn accepts.
/// </summary>
public sealed class TomlConformanceTests
{
    /// <summary>
    /// Invalid in TOML 1.0, valid in TOML 1.1, accepted by Tomlyn (the README's launcher section lists them). Exact: a
    /// case that leaves this list (Tomlyn rejects it) or one that would have to join it fails a test.
    /// </summary>
    internal static readonly string[] AcceptedAsToml11 =
    [
        // Seconds may be left out of times.
        "invalid/datetime/no-secs.toml",
        "invalid/local-datetime/no-secs.toml",
        "invalid/local-time/no-secs.toml",

        // Inline tables may span lines and end with a comma.
        "invalid/inline-table/linebreak-01.toml",
        "invalid/inline-table/linebreak-02.toml",
        "invalid/inline-table/linebreak-03.toml",
        "invalid/inline-table/linebreak-04.toml",
        "invalid/inline-table/trailing-comma.toml",

        // \xHH escapes in basic strings.
        "invalid/string/basic-byte-escapes.toml",
    ];

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static TheoryData<string> ValidFiles => TomlTestCorpus.Cases("valid/");

    public static TheoryData<string> InvalidFiles => TomlTestCorpus.Cases("invalid/");

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public async Task Valid_document_decodes_to_the_expected_value(string file)
    {
        string path = RequireCorpus(file);
        string jsonPath = Path.ChangeExtension(path, ".json");
        Assert.True(File.Exists(jsonPath), $"expected-value file {jsonPath} is missing");

        TomlTable table = await RunWithTimeout(() => TomlParse.File(path), file);

        JsonNode? expected = JsonNode.Parse(File.ReadAllText(jsonPath));
        JsonNode actual = TomlTestJson.ToTagged(table);
        string? difference = TomlTestJson.Compare(expected, actual, "$");
        Assert.True(difference is null, $"{file}: {difference}\nactual: {actual.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public async Task Invalid_document_is_rejected_unless_toml_1_1_allows_it(string file)
    {
        string path = RequireCorpus(file);

        if (AcceptedAsToml11.Contains(file))
        {
            await RunWithTimeout(() => TomlParse.File(path), file);
            return;
        }

        var problem = await RunWithTimeout(() => TomlParse.FileProblem(path), file);

        Assert.True(problem.Line >= 1 && problem.Column >= 1, $"bad location in: {problem}");
        Assert.False(string.IsNullOrWhiteSpace(problem.Reason), $"no reason in: {problem}");
    }

    [Fact]
    public void Every_toml_1_1_acceptance_is_a_case_toml_1_1_no_longer_lists_as_invalid()
    {
        if (TomlTestCorpus.TestsDirectory is null)
        {
            Assert.Fail(TomlTestCorpus.MissingMessage);
        }

        var invalid10 = TomlTestCorpus.Listed("files-toml-1.0.0", "invalid/").ToHashSet(StringComparer.Ordinal);
        var listed11 = TomlTestCorpus.Listed("files-toml-1.1.0", string.Empty).ToHashSet(StringComparer.Ordinal);

        Assert.All(AcceptedAsToml11, file =>
        {
            Assert.Contains(file, invalid10);
            Assert.DoesNotContain(file, listed11);
        });
    }

    private static string RequireCorpus(string file)
    {
        if (file == TomlTestCorpus.MissingMarker)
        {
            Assert.Fail(TomlTestCorpus.MissingMessage);
        }

        return TomlTestCorpus.FullPath(file);
    }

    /// <summary>Guards against a parser that never terminates on some input.</summary>
    private static async Task<T> RunWithTimeout<T>(Func<T> action, string file)
    {
        try
        {
            return await Task.Run(action).WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{file}: parsing did not finish within {Timeout.TotalSeconds} s");
            throw;
        }
    }
}
