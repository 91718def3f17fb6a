using Buildpacks.Core;
using System.CommandLine;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Cli.Commands;

/// <summary><c>buildpacks detect APP_DIR --candidate REF...</c>.</summary>
internal static class DetectCommand
{
    public static Command Create(CliEnvironment cli, Option<string> logFormat)
    {
        var appDirectory = new Argument<string>("APP_DIR") { Description = "The app directory to detect (it is not modified)." };
        var candidates = CommonOptions.Candidates("A candidate buildpack, in order. Repeatable.");
        candidates.Required = true;
        var command = new Command("detect", """
            Run bin/detect of each candidate in order and say which one applies, and why the others do not.
            Exits 0 when one applies, 222 when none does.

            Example:
              buildpacks detect ./publish --candidate ./buildpacks/node --candidate ./buildpacks/dotnet
            """)
        {
            appDirectory, candidates,
        };

        command.SetAction((parse, cancellationToken) =>
        {
            var reporter = cli.Reporter(parse.GetValue(logFormat));
            return CommandRunner.RunAsync(reporter, async () =>
            {
                var report = await BuildpackEngine.Default.DetectAsync(parse.GetValue(appDirectory)!, parse.GetValue(candidates) ?? [], reporter, cancellationToken).ConfigureAwait(false);
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
