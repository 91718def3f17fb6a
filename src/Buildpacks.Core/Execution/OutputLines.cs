using System.Text;

namespace Buildpacks.Core.Execution;

/// <summary>
/// Turns a script's output stream into log lines, reading in fixed chunks: a line longer than
/// <see cref="MaxLength"/> goes to the log in pieces, each but the last ending with <see cref="ContinuationMarker"/>,
/// so memory stays bounded however long a line a buildpack prints (reading whole lines took about nine times the
/// longest one). Lines end at <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>, as <see cref="TextReader.ReadLine"/> has it.
/// </summary>
internal static class OutputLines
{
    /// <summary>The longest line the log gets, marker included.</summary>
    public const int MaxLength = 64 * 1024;

    /// <summary>Ends each piece of a line that was split because it was longer than <see cref="MaxLength"/>.</summary>
    public const string ContinuationMarker = " [line continues]";

    private static readonly int PieceLength = MaxLength - ContinuationMarker.Length;

    /// <summary>Calls <paramref name="onLine"/> for each line (or piece of one) until the stream ends.</summary>
    public static async Task PumpAsync(TextReader reader, Action<string> onLine)
    {
        var buffer = new char[16 * 1024];
        var line = new StringBuilder();
        var afterCarriageReturn = false;
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory()).ConfigureAwait(false)) > 0)
        {
            var chunk = buffer.AsSpan(0, read);
            if (afterCarriageReturn && chunk[0] == '\n')
            {
                chunk = chunk[1..];
            }

            afterCarriageReturn = false;
            while (chunk.Length > 0)
            {
                var end = chunk.IndexOfAny('\r', '\n');
                Append(line, end < 0 ? chunk : chunk[..end], onLine);
                if (end < 0)
                {
                    break;
                }

                onLine(line.ToString());
                line.Clear();
                if (chunk[end] == '\r')
                {
                    if (end + 1 == chunk.Length)
                    {
                        afterCarriageReturn = true; // the '\n' of a "\r\n" may start the next chunk
                    }
                    else if (chunk[end + 1] == '\n')
                    {
                        end++;
                    }
                }

                chunk = chunk[(end + 1)..];
            }
        }

        // After a split the line holds the rest of the piece, so an empty line here means nothing is pending.
        if (line.Length > 0)
        {
            onLine(line.ToString());
        }
    }

    /// <summary>
    /// Adds text to the line. A line is split only once it is longer than <see cref="MaxLength"/>: then its first
    /// piece goes out with the marker and the rest stays, never cutting a surrogate pair in two.
    /// </summary>
    private static void Append(StringBuilder line, ReadOnlySpan<char> text, Action<string> onLine)
    {
        while (line.Length + text.Length > MaxLength)
        {
            var room = MaxLength - line.Length;
            line.Append(text[..room]);
            text = text[room..];
            var cut = char.IsHighSurrogate(line[PieceLength - 1]) ? PieceLength - 1 : PieceLength;
            var rest = line.ToString(cut, line.Length - cut);
            line.Length = cut;
            onLine(line.Append(ContinuationMarker).ToString());
            line.Clear().Append(rest);
        }

        line.Append(text);
    }
}
