namespace Buildpacks.Core.Toml;

/// <summary>Why a TOML document was rejected, and where (1-based line, column in Unicode code points).</summary>
internal readonly record struct TomlProblem(int Line, int Column, string Reason)
{
    /// <summary>The form consumers put into their coded errors, e.g. <c>line 3, column 7: reason</c>.</summary>
    public override string ToString() => $"line {Line}, column {Column}: {Reason}";
}
