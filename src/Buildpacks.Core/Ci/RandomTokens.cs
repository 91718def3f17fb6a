using System.Security.Cryptography;

namespace Buildpacks.Core.Ci;

/// <summary>Unguessable words for stop-commands tokens and heredoc delimiters: a buildpack cannot print what it cannot know.</summary>
internal static class RandomTokens
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
