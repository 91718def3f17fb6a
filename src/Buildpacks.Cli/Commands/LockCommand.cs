using System.CommandLine;
using Buildpacks.Core.Requests;

namespace Buildpacks.Cli.Commands;

/// <summary><c>buildpacks lock APP_DIR --buildpack REF...</c>.</summary>
internal static class LockCommand
{
    private static readonly StagingSettingNames Names = new() { Buildpacks = "--buildpack", LockFile = "--lock-file" };

    public static Command Create(CliEnvironment cli, Option<string> logFormat)
    {
        var appDirectory = new Argument<string>("APP_DIR") { Description = "The app directory the lock file belongs to (for MSBuild, the project directory)." };
        var buildpacks = new Option<string[]>("--buildpack", "-b") { Description = "A buildpack to pin: every buildpack and candidate the stagings use. Repeatable." };
        var secretBuildpacks = CommonOptions.SecretBuildpacks();
        var lockFile = CommonOptions.LockFile($"The lock file to write or refresh. Default: APP_DIR/{Core.Sources.BuildpackLock.DefaultFileName}.");
        var buildpackCache = CommonOptions.BuildpackCache();
        var offline = CommonOptions.Offline();
        var command = new Command("lock", """
            Resolve each buildpack now (a branch or tag to its commit, an archive to its sha256, a directory to its
            content hash) and write them to the lock file. Stagings with the lock file then use exactly these versions,
            and fail when a source no longer serves them. Run it again to refresh the lock.

            Example:
              buildpacks lock . --buildpack https://github.com/cloudfoundry/staticfile-buildpack#v1.6.0
            """)
        {
            appDirectory, buildpacks, secretBuildpacks, lockFile, buildpackCache, offline,
        };

        command.SetAction((parse, cancellationToken) =>
        {
            var reporter = cli.Reporter(parse.GetValue(logFormat));
            return CommandRunner.RunAsync(cli, reporter, async () =>
            {
                var request = new StagingRequestBuilder(Directory.GetCurrentDirectory(), Names).BuildLock(parse.GetValue(appDirectory), parse.GetValue(lockFile), CommonOptions.Buildpacks(parse.GetValue(buildpacks), parse.GetValue(secretBuildpacks)));
                var locked = await CommonOptions.Engine(cli, parse.GetValue(buildpackCache), parse.GetValue(offline)).LockAsync(request, reporter, cancellationToken).ConfigureAwait(false);
                cli.Output.WriteLine($"Lock file: {locked.Path}");
                foreach (var (key, entry) in locked.Entries)
                {
                    cli.Output.WriteLine($"  {key}: {entry.Identity}");
                }

                reporter.SetOutput("lock-file", locked.Path);
                return 0;
            });
        });
        return command;
    }
}
