using Buildpacks.Core.Files;

namespace Buildpacks.Core.Droplets;

/// <summary>A droplet file that was written.</summary>
/// <param name="Path">Its full path.</param>
/// <param name="Sha256">Its SHA-256, lower-case hex.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="EntryCount">How many entries the archive holds.</param>
internal sealed record PackedDroplet(string Path, string Sha256, long Size, int EntryCount)
{
    /// <summary>Fifos, sockets and devices in the packed directory, left out of the archive.</summary>
    public IReadOnlyList<SkippedFile> SkippedSpecialFiles { get; init; } = [];
}
