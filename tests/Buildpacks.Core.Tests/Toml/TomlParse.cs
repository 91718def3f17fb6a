using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Toml;
using Tomlyn.Model;

namespace Buildpacks.Core.Tests.Toml;

/// <summary>Calls <see cref="TomlDocument"/> the way consumers do: a coded error made from the problem.</summary>
internal static class TomlParse
{
    public const string Code = "BPK0000";

    public static TomlTable Text(string text) => TomlDocument.Parse(text, Invalid);

    public static TomlTable File(string path) => TomlDocument.ParseFile(path, Invalid);

    /// <summary>The problem a rejected document reports; fails when the document is accepted.</summary>
    public static TomlProblem Problem(string text) => ProblemOf(invalid => TomlDocument.Parse(text, invalid));

    /// <inheritdoc cref="Problem"/>
    public static TomlProblem FileProblem(string path) => ProblemOf(invalid => TomlDocument.ParseFile(path, invalid));

    private static TomlProblem ProblemOf(Func<Func<TomlProblem, BuildpackException>, TomlTable> parse)
    {
        TomlProblem? seen = null;
        var error = Assert.Throws<BuildpackException>(() => parse(problem =>
        {
            seen = problem;
            return Invalid(problem);
        }));
        Assert.Equal(Code, error.Code);
        Assert.Equal(seen.ToString(), error.Message);
        return Assert.NotNull(seen);
    }

    private static BuildpackException Invalid(TomlProblem problem) => new(Code, problem.ToString());
}
