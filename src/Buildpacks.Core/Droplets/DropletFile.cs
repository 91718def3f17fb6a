using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;

namespace Buildpacks.Core.Droplets;

/// <summary>
/// The droplet file that inspect and run read: it must be a regular file. A fifo would block the first read until a
/// writer comes (which no signal interrupts), and a device such as <c>/dev/zero</c> never ends.
/// </summary>
internal static class DropletFile
{
    /// <summary>Throws <see cref="ErrorCodes.InvalidDroplet"/> unless <paramref name="fullPath"/> is (a link to) a regular file.</summary>
    public static void EnsureRegular(string fullPath, string remedy)
    {
        if (Directory.Exists(fullPath))
        {
            throw new BuildpackException(ErrorCodes.InvalidDroplet, $"'{fullPath}' is a directory, not a droplet. Give the droplet file (.tgz).", fullPath);
        }

        if (!File.Exists(fullPath))
        {
            throw new BuildpackException(ErrorCodes.InvalidDroplet, $"The droplet '{fullPath}' does not exist.{remedy}", fullPath);
        }

        var target = new FileInfo(fullPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? fullPath;
        if (SpecialFile.Kind(target) is { } kind)
        {
            throw new BuildpackException(
                ErrorCodes.InvalidDroplet,
                $"'{fullPath}' is {kind}, not a droplet file: reading it could wait or run forever. Save the droplet to a regular file first.",
                fullPath);
        }
    }
}
