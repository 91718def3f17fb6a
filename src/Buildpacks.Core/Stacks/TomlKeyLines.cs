namespace Buildpacks.Core.Stacks;

/// <summary>
/// The line a key is on, for messages: Tomlyn's model keeps no positions, so the text is scanned for the key under
/// its table header. Good enough for the flat files stack.toml and builder.toml are.
/// </summary>
internal static class TomlKeyLines
{
    /// <summary>The 1-based line of <paramref name="key"/> in table <paramref name="table"/> ("" for the root), or null.</summary>
    public static int? Find(string text, string table, string key)
    {
        var current = "";
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith('['))
            {
                current = line.Trim('[', ']', ' ');
                if (key.Length == 0 && current == table)
                {
                    return i + 1;
                }

                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && current == table && line[..equals].Trim().Trim('"') == key)
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>"key 'build.uid' (line 7)" or "key 'build.uid'" when it is not in the file.</summary>
    public static string Name(string text, string table, string key)
    {
        var full = table.Length == 0 ? key : $"{table}.{key}";
        return Find(text, table, key) is { } line ? $"key '{full}' (line {line})" : $"key '{full}'";
    }
}
