using System.Security.Cryptography;
using Buildpacks.Core.Staging;

namespace Buildpacks.Core.Files;

/// <summary>A hash of a directory's contents (names, modes, file contents, link targets), not of where it is.</summary>
internal static class DirectoryHash
{
    public static string Compute(string root, Func<string, bool> exclude)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        new FingerprintWriter(hash).Tree(root, exclude, label: ".");
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
