using System.Text.Json.Nodes;
using Buildpacks.Core.Toml;

namespace Buildpacks.Core.Tests.Toml;

/// <summary>
/// Runs every file the toml-test corpus lists for TOML 1.0.0 (<c>shared/toml-test/tests/files-toml-1.0.0</c>):
/// valid documents must decode to the value in the <c>.json</c> beside them, invalid ones must be rejected with a
/// <see cref="TomlException"/>.
/// </summary>
public sealed class TomlConformanceTests
{
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

        TomlTable table = await RunWithTimeout(() => TomlReader.ParseFile(path), file);

        JsonNode? expected = JsonNode.Parse(File.ReadAllText(jsonPath));
        JsonNode actual = TomlTestJson.ToTagged(table);
        string? difference = TomlTestJson.Compare(expected, actual, "$");
        Assert.True(difference is null, $"{file}: {difference}\nactual: {actual.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public async Task Invalid_document_is_rejected(string file)
    {
        string path = RequireCorpus(file);

        Exception? exception = await RunWithTimeout(() => Record.Exception(() => TomlReader.ParseFile(path)), file);

        if (exception is null)
        {
            string decoded = TomlTestJson.ToTagged(TomlReader.ParseFile(path)).ToJsonString();
            Assert.Fail($"{file} is invalid TOML 1.0.0 but was accepted as {decoded}");
        }

        var toml = Assert.IsType<TomlException>(exception);
        Assert.True(toml.Line >= 1 && toml.Column >= 1, $"bad location {toml.Line}:{toml.Column} in: {toml.Message}");
        Assert.Equal(path, toml.FilePath);
        Assert.StartsWith($"{path}: line {toml.Line}, column {toml.Column}: ", toml.Message, StringComparison.Ordinal);
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
