using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Staging;
using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.Diagnostics;
using Cake.Core.IO;

namespace Cake.Buildpacks;

public static partial class BuildpacksAliases
{
    /// <summary>
    /// Runs <c>bin/detect</c> of each candidate in order, over a copy of the app, and says which one applies
    /// and why the others do not. Nothing is staged. When no candidate applies the report says so
    /// (<see cref="DetectionReport.Winner"/> is null); it is not an error.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="appDirectory">The app directory to detect (it is not modified).</param>
    /// <param name="candidates">The candidate buildpacks, in order: directories, relative to the working directory or absolute.</param>
    /// <returns>The first candidate that applies, its display name, and every candidate's answer.</returns>
    /// <exception cref="CakeException">The app directory or a candidate is missing or broken; the message starts with the diagnostic code.</exception>
    /// <example>
    /// <code>
    /// var report = BuildpackDetect("./artifacts/publish", "./buildpacks/nodejs", "./buildpacks/dotnet");
    /// if (report.Winner is null)
    /// {
    ///     throw new Exception("No buildpack applies to the app.");
    /// }
    ///
    /// Information("Detected {0} ({1})", report.WinnerName, report.Winner);
    /// </code>
    /// </example>
    [CakeMethodAlias]
    public static DetectionReport BuildpackDetect(this ICakeContext context, DirectoryPath appDirectory, params string[] candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var settings = new BuildpackDetectSettings();
        foreach (var candidate in candidates)
        {
            settings.WithCandidate(candidate);
        }

        return BuildpackDetect(context, appDirectory, settings);
    }

    /// <summary>
    /// Runs <c>bin/detect</c> of each candidate in order, over a copy of the app, and says which one applies
    /// and why the others do not. Nothing is staged. When no candidate applies the report says so
    /// (<see cref="DetectionReport.Winner"/> is null); it is not an error.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="appDirectory">The app directory to detect (it is not modified).</param>
    /// <param name="settings">The candidates, in order.</param>
    /// <returns>The first candidate that applies, its display name, and every candidate's answer.</returns>
    /// <exception cref="CakeException">The app directory or a candidate is missing or broken; the message starts with the diagnostic code.</exception>
    /// <example>
    /// <code>
    /// var report = BuildpackDetect("./artifacts/publish", new BuildpackDetectSettings()
    ///     .WithCandidate("./buildpacks/nodejs")
    ///     .WithCandidate("./buildpacks/dotnet"));
    /// foreach (var attempt in report.Attempts)
    /// {
    ///     Information("{0}: {1}", attempt.Candidate, attempt.Explain());
    /// }
    /// </code>
    /// </example>
    [CakeMethodAlias]
    public static DetectionReport BuildpackDetect(this ICakeContext context, DirectoryPath appDirectory, BuildpackDetectSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(appDirectory);
        ArgumentNullException.ThrowIfNull(settings);

        var detection = StagingBinding.Detect(appDirectory, settings, context.Environment);
        var log = new CakeStagingLog(context.Log);
        var report = EngineCall.Run(cancellationToken => StagingBinding.Engine(settings.BuildpackCacheRoot, settings.Offline, context.Environment).DetectAsync(detection.AppDirectory, detection.Candidates, log, cancellationToken));
        foreach (var attempt in report.Attempts.Where(a => !a.Detected))
        {
            context.Log.Write(Verbosity.Normal, LogLevel.Information, "no:  {0} ({1})", Redaction.RedactUrl(attempt.Candidate), attempt.Explain());
        }

        if (report.Winner is null)
        {
            context.Log.Write(Verbosity.Normal, LogLevel.Information, "No candidate detected the app.");
        }
        else
        {
            context.Log.Write(Verbosity.Normal, LogLevel.Information, "yes: {0} ({1})", Redaction.RedactUrl(report.Winner), report.WinnerName);
        }

        return report;
    }
}
