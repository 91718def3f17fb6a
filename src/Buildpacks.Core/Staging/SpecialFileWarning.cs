using System.Text;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;

namespace Buildpacks.Core.Staging;

/// <summary>Tells the user which fifos, sockets and devices were left out of the staging copy or the droplet.</summary>
internal static class SpecialFileWarning
{
    private const int MaxNamed = 10;

    /// <summary>Special files of the app directory, left out of the copy buildpacks work on.</summary>
    public static void ForApp(IStagingLog log, IReadOnlyList<SkippedFile> skipped, string appDirectory) =>
        Report(log, skipped, "of the app directory", "Remove them from the app, or have the app create them when it starts.", appDirectory);

    /// <summary>Special files a buildpack left in the tree being packed, left out of the droplet.</summary>
    public static void ForDroplet(IStagingLog log, IReadOnlyList<SkippedFile> skipped) =>
        Report(log, skipped, "made during the build", "A buildpack should create them when the app starts (e.g. in a .profile.d script), not at build time.", null);

    private static void Report(IStagingLog log, IReadOnlyList<SkippedFile> skipped, string where, string advice, string? file)
    {
        if (skipped.Count == 0)
        {
            return;
        }

        var message = new StringBuilder($"Left out {skipped.Count} special file{(skipped.Count == 1 ? "" : "s")} {where}: ");
        message.AppendJoin(", ", skipped.Take(MaxNamed).Select(s => $"'{s.RelativePath}' ({s.Kind})"));
        if (skipped.Count > MaxNamed)
        {
            message.Append($" and {skipped.Count - MaxNamed} more");
        }

        message.Append(". A droplet holds only regular files, directories and links, and reading a fifo or a device could block staging forever. ").Append(advice);
        log.Warning(new BuildpackDiagnostic(ErrorCodes.SpecialFileSkipped, message.ToString(), file));
    }
}
