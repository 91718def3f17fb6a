namespace Buildpacks.Core.Files;

/// <summary>A fifo, socket or device left out of a copy or a droplet.</summary>
/// <param name="RelativePath">Its path below the copied or packed directory, with '/' separators.</param>
/// <param name="Kind">What it is: "a fifo", "a socket", "a character device" or "a block device".</param>
internal sealed record SkippedFile(string RelativePath, string Kind);
