using System.Text;

namespace Buildpacks.Bench.Inputs;

/// <summary>
/// A few megabytes of source-like text (identifiers with a skewed frequency, keywords, punctuation, line breaks)
/// from a fixed seed: files cut from it compress about as well as JavaScript or JSON does, so packing them costs
/// what packing a node_modules folder costs, and the same seed gives the same bytes on every machine.
/// </summary>
internal sealed class TextCorpus
{
    private static readonly string[] Keywords = ["function", "return", "const", "let", "if", "else", "=>", "{", "}", "(", ")", ";", "=", ".", ",", "\"use strict\"", "module.exports", "require"];

    private readonly byte[] _bytes;

    public TextCorpus(int seed, int length)
    {
        var random = new Random(seed);
        var words = Enumerable.Range(0, 4000).Select(_ => Word(random)).Concat(Keywords).ToArray();
        var text = new StringBuilder(length + 64);
        while (text.Length < length)
        {
            // Cubing a uniform draw favours the low indexes: a few words are common, most are rare, as in code.
            var pick = random.NextDouble();
            text.Append(random.Next(8) == 0 ? Keywords[random.Next(Keywords.Length)] : words[(int)(pick * pick * pick * words.Length)]);
            text.Append(random.Next(12) == 0 ? "\n  " : " ");
        }

        _bytes = Encoding.ASCII.GetBytes(text.ToString(0, length));
    }

    public int Length => _bytes.Length;

    public ReadOnlySpan<byte> Slice(int offset, int length) => _bytes.AsSpan(offset, length);

    private static string Word(Random random)
    {
        var letters = new char[random.Next(2, 13)];
        for (var i = 0; i < letters.Length; i++)
        {
            letters[i] = (char)('a' + random.Next(26));
        }

        return new string(letters);
    }
}
