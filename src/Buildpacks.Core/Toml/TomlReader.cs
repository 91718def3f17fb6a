using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Buildpacks.Core.Toml;

/// <summary>Reads TOML 1.0.0 documents (strictly: anything the specification does not allow is rejected).</summary>
public static class TomlReader
{
    /// <summary>Parses a TOML document.</summary>
    /// <exception cref="TomlException">The document is not valid TOML 1.0.0.</exception>
    public static TomlTable Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TomlParser(text, filePath: null).ParseDocument();
    }

    /// <summary>
    /// Reads and parses a UTF-8 TOML file. A leading UTF-8 byte order mark is ignored; any other encoding, invalid
    /// UTF-8, or a byte order mark elsewhere is rejected.
    /// </summary>
    /// <exception cref="TomlException">The file is not valid UTF-8 or not valid TOML 1.0.0; the message includes the path.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static TomlTable ParseFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes = File.ReadAllBytes(path);
        return new TomlParser(DecodeUtf8(bytes, path), path).ParseDocument();
    }

    /// <summary>Strict UTF-8 decoding (the BOM, if any, stays in the text and is handled by the parser).</summary>
    private static string DecodeUtf8(byte[] bytes, string path)
    {
        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        // Locate the first invalid sequence for the message.
        char[] chars = new char[bytes.Length];
        OperationStatus status = Utf8.ToUtf16(bytes, chars, out int bytesRead, out int charsWritten, replaceInvalidSequences: false);
        int line = 1;
        int column = 1;
        for (int i = chars.Length > 0 && chars[0] == '\uFEFF' ? 1 : 0; i < charsWritten; i++)
        {
            if (chars[i] == '\n')
            {
                line++;
                column = 1;
            }
            else if (!char.IsLowSurrogate(chars[i]))
            {
                column++;
            }
        }

        string reason = status == OperationStatus.NeedMoreData
            ? "the file ends in the middle of a UTF-8 sequence"
            : $"invalid UTF-8 byte 0x{bytes[bytesRead]:X2} at byte offset {bytesRead} (TOML files must be UTF-8 encoded)";
        throw new TomlException(reason, line, column, path);
    }
}
