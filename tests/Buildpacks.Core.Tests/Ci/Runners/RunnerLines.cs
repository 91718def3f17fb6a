using System.Globalization;

namespace Buildpacks.Core.Tests.Ci.Runners;

/// <summary>How both runners cut a step's output into lines, and how they search a line.</summary>
internal static class RunnerLines
{
    // Both runners read the pipes with .NET's line reader: CR, LF and CRLF each end a line.
    public static IEnumerable<string> Split(string output)
    {
        using var reader = new StringReader(output);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    /// <summary>
    /// The runners search with culture-sensitive IndexOf; under ICU that skips zero-width and other ignorable
    /// characters. Case is ignored too, so the model is stricter than either runner.
    /// </summary>
    public static int Find(string line, string prefix, out int length) =>
        CultureInfo.InvariantCulture.CompareInfo.IndexOf(line, prefix, CompareOptions.IgnoreCase, out length);

    public static string Mask(string line, IEnumerable<string> secrets) =>
        secrets.OrderByDescending(s => s.Length).Aggregate(line, (masked, secret) => masked.Replace(secret, "***", StringComparison.Ordinal));
}
