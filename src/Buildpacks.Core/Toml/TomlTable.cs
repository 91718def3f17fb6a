using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Buildpacks.Core.Toml;

/// <summary>
/// A TOML table. Keys are enumerated in document order. Values are <see cref="string"/>, <see cref="long"/>,
/// <see cref="double"/>, <see cref="bool"/>, <see cref="TomlDateTime"/>, <see cref="TomlArray"/> or <see cref="TomlTable"/>.
/// </summary>
/// <remarks>
/// The typed getters return <see langword="null"/> when the key is absent and throw a <see cref="TomlException"/>
/// pointing at the key's line and column when the key holds a value of another type, so that a wrong type in a
/// document is reported instead of being silently replaced by a default.
/// </remarks>
public sealed class TomlTable : IReadOnlyDictionary<string, object>
{
    private readonly OrderedDictionary<string, object> _items = new(StringComparer.Ordinal);
    private readonly List<(int Line, int Column)> _positions = [];
    private readonly string? _filePath;

    internal TomlTable(TomlTableKind kind, string? filePath)
    {
        Kind = kind;
        _filePath = filePath;
    }

    internal TomlTableKind Kind { get; set; }

    public int Count => _items.Count;

    public IEnumerable<string> Keys => _items.Keys;

    public IEnumerable<object> Values => _items.Values;

    public object this[string key] => _items[key];

    public bool ContainsKey(string key) => _items.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object value) => _items.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The string stored under <paramref name="key"/>, or <see langword="null"/> when the key is absent.</summary>
    /// <exception cref="TomlException">The key holds a value that is not a string.</exception>
    public string? GetString(string key) => Get<string>(key, "a string");

    /// <summary>The table stored under <paramref name="key"/> (a <c>[header]</c>, dotted-key or inline table), or <see langword="null"/> when absent.</summary>
    /// <exception cref="TomlException">The key holds a value that is not a table.</exception>
    public TomlTable? GetTable(string key) => Get<TomlTable>(key, "a table");

    /// <summary>The integer stored under <paramref name="key"/>, or <see langword="null"/> when absent.</summary>
    /// <exception cref="TomlException">The key holds a value that is not an integer (floats are not converted).</exception>
    public long? GetInteger(string key)
    {
        int index = _items.IndexOf(key);
        if (index < 0)
        {
            return null;
        }

        return _items.GetAt(index).Value is long value ? value : throw WrongType(index, "an integer");
    }

    /// <summary>The boolean stored under <paramref name="key"/>, or <see langword="null"/> when absent.</summary>
    /// <exception cref="TomlException">The key holds a value that is not a boolean.</exception>
    public bool? GetBoolean(string key)
    {
        int index = _items.IndexOf(key);
        if (index < 0)
        {
            return null;
        }

        return _items.GetAt(index).Value is bool value ? value : throw WrongType(index, "a boolean");
    }

    /// <summary>The array stored under <paramref name="key"/> (an array value or an array of tables), or <see langword="null"/> when absent.</summary>
    /// <exception cref="TomlException">The key holds a value that is not an array.</exception>
    public TomlArray? GetArray(string key) => Get<TomlArray>(key, "an array");

    internal void Add(string key, object value, int line, int column)
    {
        _items.Add(key, value);
        _positions.Add((line, column));
    }

    private T? Get<T>(string key, string expected)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        int index = _items.IndexOf(key);
        if (index < 0)
        {
            return null;
        }

        return _items.GetAt(index).Value as T ?? throw WrongType(index, expected);
    }

    private TomlException WrongType(int index, string expected)
    {
        var (key, value) = _items.GetAt(index);
        var (line, column) = _positions[index];
        return new TomlException(
            $"{TomlKeyFormatter.Quote(key)} is {TomlKeyFormatter.DescribeType(value)}, expected {expected}",
            line,
            column,
            _filePath);
    }
}
