using System.Collections;

namespace Buildpacks.Core.Toml;

/// <summary>
/// A TOML array: either an array value (<c>[1, "two"]</c>; TOML 1.0 allows mixed element types) or an
/// array of tables built from <c>[[name]]</c> headers. Elements are <see cref="string"/>, <see cref="long"/>,
/// <see cref="double"/>, <see cref="bool"/>, <see cref="TomlDateTime"/>, <see cref="TomlArray"/> or <see cref="TomlTable"/>.
/// </summary>
public sealed class TomlArray : IReadOnlyList<object>
{
    private readonly List<object> _items = [];

    internal TomlArray(bool isArrayOfTables)
    {
        IsArrayOfTables = isArrayOfTables;
    }

    /// <summary>True when the array was built from <c>[[name]]</c> headers (only those may be appended to later).</summary>
    internal bool IsArrayOfTables { get; }

    public int Count => _items.Count;

    public object this[int index] => _items[index];

    public IEnumerator<object> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(object value) => _items.Add(value);
}
