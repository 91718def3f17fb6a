using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tomlyn;
using Tomlyn.Model;

namespace Buildpacks.Core.Tests.Toml;

/// <summary>
/// Converts Tomlyn's model to toml-test's tagged JSON form and compares tagged JSON semantically
/// (floats numerically, date-times after normalisation), as the toml-test decoder specification allows.
/// </summary>
internal static partial class TomlTestJson
{
    public static JsonNode ToTagged(object? value) => value switch
    {
        TomlTable table => ToTagged(table),
        TomlTableArray tables => new JsonArray([.. tables.Select(ToTagged)]),
        TomlArray array => new JsonArray([.. array.Select(ToTagged)]),
        string s => Tag("string", s),
        long l => Tag("integer", l.ToString(CultureInfo.InvariantCulture)),
        double d => Tag("float", FormatFloat(d)),
        bool b => Tag("bool", b ? "true" : "false"),
        TomlDateTime dt => Tag(TagFor(dt.Kind), dt.ToString()),
        _ => throw new InvalidOperationException($"unexpected value {value ?? "null"} ({value?.GetType()})"),
    };

    /// <summary>Returns null when equal, otherwise a description of the first difference.</summary>
    public static string? Compare(JsonNode? expected, JsonNode? actual, string path)
    {
        if (expected is JsonObject e && IsTagged(e))
        {
            if (actual is not JsonObject a || !IsTagged(a))
            {
                return $"{path}: expected a {e["type"]} value, got {Show(actual)}";
            }

            string type = (string)e["type"]!;
            string actualType = (string)a["type"]!;
            if (type != actualType)
            {
                return $"{path}: expected type {type}, got {actualType} ({Show(actual)})";
            }

            string want = (string)e["value"]!;
            string have = (string)a["value"]!;
            bool same = type switch
            {
                "float" => FloatsEqual(want, have),
                "integer" => long.Parse(want, CultureInfo.InvariantCulture) == long.Parse(have, CultureInfo.InvariantCulture),
                "datetime" or "datetime-local" or "date-local" or "time-local" => NormaliseDateTime(type, want) == NormaliseDateTime(type, have),
                _ => want == have,
            };
            return same ? null : $"{path}: expected {type} {Show(e["value"])}, got {Show(a["value"])}";
        }

        switch (expected)
        {
            case JsonObject table:
                if (actual is not JsonObject actualTable || IsTagged(actualTable))
                {
                    return $"{path}: expected a table, got {Show(actual)}";
                }

                var missing = table.Select(p => p.Key).Except(actualTable.Select(p => p.Key)).ToList();
                var extra = actualTable.Select(p => p.Key).Except(table.Select(p => p.Key)).ToList();
                if (missing.Count > 0 || extra.Count > 0)
                {
                    return $"{path}: keys differ; missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", extra)}]";
                }

                foreach (var (key, value) in table)
                {
                    if (Compare(value, actualTable[key], $"{path}.{key}") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonArray array:
                if (actual is not JsonArray actualArray)
                {
                    return $"{path}: expected an array, got {Show(actual)}";
                }

                if (array.Count != actualArray.Count)
                {
                    return $"{path}: expected {array.Count} array elements, got {actualArray.Count}";
                }

                for (int i = 0; i < array.Count; i++)
                {
                    if (Compare(array[i], actualArray[i], $"{path}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            default:
                return $"{path}: unexpected JSON in the expected file: {Show(expected)}";
        }
    }

    private static JsonObject ToTagged(TomlTable table)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in table)
        {
            obj[key] = ToTagged(value);
        }

        return obj;
    }

    private static JsonObject Tag(string type, string value) => new() { ["type"] = type, ["value"] = value };

    private static string TagFor(TomlDateTimeKind kind) => kind switch
    {
        TomlDateTimeKind.OffsetDateTimeByZ or TomlDateTimeKind.OffsetDateTimeByNumber => "datetime",
        TomlDateTimeKind.LocalDateTime => "datetime-local",
        TomlDateTimeKind.LocalDate => "date-local",
        _ => "time-local",
    };

    private static string FormatFloat(double d) =>
        double.IsNaN(d) ? "nan"
        : double.IsPositiveInfinity(d) ? "inf"
        : double.IsNegativeInfinity(d) ? "-inf"
        : d.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A tagged value is an object with exactly the string members "type" and "value".</summary>
    private static bool IsTagged(JsonObject obj) =>
        obj.Count == 2
        && obj["type"] is JsonValue type && type.TryGetValue(out string? _)
        && obj["value"] is JsonValue value && value.TryGetValue(out string? _);

    private static bool FloatsEqual(string want, string have)
    {
        double w = ParseFloat(want);
        double h = ParseFloat(have);
        if (double.IsNaN(w) || double.IsNaN(h))
        {
            return double.IsNaN(w) && double.IsNaN(h);
        }

        return w == h && double.IsNegative(w) == double.IsNegative(h);
    }

    private static double ParseFloat(string s) => s switch
    {
        "nan" or "+nan" or "-nan" => double.NaN,
        "inf" or "+inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(s.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// A comparable form: separators and 'z' case-folded, fractional seconds normalised to 100 ns, and offset
    /// date-times reduced to their UTC instant (so <c>07:32:00-05:00</c> equals <c>12:32:00Z</c>).
    /// </summary>
    private static string NormaliseDateTime(string type, string value)
    {
        var match = DateTimePattern().Match(value);
        if (!match.Success)
        {
            return "unparseable:" + value;
        }

        bool hasDate = match.Groups["date"].Success;
        bool hasTime = match.Groups["time"].Success;
        bool hasOffset = match.Groups["offset"].Success;
        string expectedShape = type switch
        {
            "datetime" => "DTO",
            "datetime-local" => "DT",
            "date-local" => "D",
            _ => "T",
        };
        string shape = (hasDate ? "D" : string.Empty) + (hasTime ? "T" : string.Empty) + (hasOffset ? "O" : string.Empty);
        if (shape != expectedShape)
        {
            return $"shape {shape}:{value}";
        }

        long days = hasDate
            ? new DateOnly(Int(match, "y"), Int(match, "mo"), Int(match, "d")).DayNumber
            : 0;
        long ticks = 0;
        if (hasTime)
        {
            string fraction = (match.Groups["f"].Value + "0000000")[..7];
            ticks = new TimeSpan(Int(match, "h"), Int(match, "mi"), Int(match, "s")).Ticks + long.Parse(fraction, CultureInfo.InvariantCulture);
        }

        long total = (days * TimeSpan.TicksPerDay) + ticks;
        if (hasOffset)
        {
            string offset = match.Groups["offset"].Value;
            if (offset is not ("Z" or "z"))
            {
                long minutes = (int.Parse(offset.AsSpan(1, 2), CultureInfo.InvariantCulture) * 60) + int.Parse(offset.AsSpan(4, 2), CultureInfo.InvariantCulture);
                total -= (offset[0] == '-' ? -minutes : minutes) * TimeSpan.TicksPerMinute;
            }
        }

        return shape + ":" + total.ToString(CultureInfo.InvariantCulture);
    }

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "nothing";

    [GeneratedRegex(@"^(?<date>(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2}))?(?:[Tt ]?(?<time>(?<h>\d{2}):(?<mi>\d{2}):(?<s>\d{2})(?:\.(?<f>\d+))?))?(?<offset>[Zz]|[+-]\d{2}:\d{2})?$")]
    private static partial Regex DateTimePattern();
}
