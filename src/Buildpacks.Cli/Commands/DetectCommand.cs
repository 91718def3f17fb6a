using System.CommandLine;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Requests;

namespace Buildpacks.Cli.Commands;

/// <summary><c>buildpacks detect APP_DIR --candidate REF...</c>.</summary>
internal static class DetectCommand
{
    private static readonly StagingSettingNames Names = new() { Candidates = "--candidate" };

    public static Command Create(CliEnvironment cli, Option<string> logFormat)
    {
        var appDirectory = new Argument<string>("APP_DIR") { Description = "The app directory to detect (it is not modified)." };
        var candidates = CommonOptions.Candidates("A candidate buildpack, in order. Repeatable.");
        var buildpackCache = CommonOptions.BuildpackCache();
        var offline = CommonOptions.Offline();
        var command = new Command("detect", """
            Run bin/detect of each candidate in order and say which one applies, and why the others do not.
            Exits 0 when one applies, 222 when none does.

            Example:
              buildpacks detect ./publish --candidate ./buildpacks/node --candidate ./buildpacks/dotnet
            """)
        {
            appDirectory, candidates, buildpackCache, offline,
        };

        command.SetAction((parse, cancellationToken) =>
        {
            var reporter = cli.Reporter(parse.GetValue(logFormat));
            return CommandRunner.RunAsync(cli, reporter, async () =>
            {
                var detection = new StagingRequestBuilder(Directory.GetCurrentDirectory(), Names).BuildDetection(parse.GetValue(appDirectory), parse.GetValue(candidates) ?? []);
                var report = await CommonOptions.Engine(cli, parse.GetValue(buildpackCache), parse.GetValue(offline)).DetectAsync(detection.AppDirectory, detection.Candidates, reporter, cancellationToken).ConfigureAwait(false);
                foreach (var attempt in report.Attempts.Where(a => !a.Detected))
                {
                    reporter.Text($"no:  {Redaction.RedactUrl(attempt.Candidate)} ({attempt.Explain()})");
                }

                if (report.Winner is null)
                {
                    reporter.Text("No candidate detected the app.");
                    return CfExitCodes.NoneDetected;
                }

                reporter.Text($"yes: {Redaction.RedactUrl(report.Winner)} ({report.WinnerName})");
                return 0;
            });
        });
        return command;
    }
}
