using System.Diagnostics;
using Buildpacks.Core.Staging;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Staging;

/// <summary>Engines forced into one way of making the build directory and the working cache, and what tests need around them.</summary>
internal static class TreeModeSupport
{
    public static readonly StagingTreeMode[] Forced = [StagingTreeMode.Overlay, StagingTreeMode.ParallelCopy, StagingTreeMode.Copy];

    public static Task<StagingResult> StageAsync(StagingTreeMode mode, StagingRequest request, RecordingLog log, CancellationToken cancellationToken = default) =>
        new BuildpackEngine(new BuildpackEngineOptions { TreeMode = mode }).StageAsync(request, log, cancellationToken);

    /// <summary>A buildpack that always applies and whose compile is the given bash body ($1 build, $2 cache).</summary>
    public static string Buildpack(TempDirectory temp, string name, string compile) =>
        temp.CreateBuildpack(
            name,
            ("detect", "echo Scripted"),
            ("compile", "set -euo pipefail\n" + compile),
            ("release", "printf -- '---\\ndefault_process_types:\\n  web: ./start\\n'"));

    public static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, UseShellExecute = false })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)}: {error}");
    }
}
