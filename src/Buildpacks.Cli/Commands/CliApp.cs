using System.CommandLine;

namespace Buildpacks.Cli.Commands;

/// <summary>The <c>buildpacks</c> command tree.</summary>
internal static class CliApp
{
    public static RootCommand Create(CliEnvironment cli)
    {
        var logFormat = CommonOptions.LogFormat();
        var root = new RootCommand("""
            Stage apps into droplets with Heroku / Cloud Foundry buildpacks, on your machine or in CI.

            Example:
              buildpacks stage ./publish --buildpack ./buildpacks/dotnet --output app.droplet.tgz
              buildpacks inspect app.droplet.tgz
            """)
        {
            logFormat,
        };
        root.Subcommands.Add(StageCommand.Create(cli, logFormat));
        root.Subcommands.Add(DetectCommand.Create(cli, logFormat));
        root.Subcommands.Add(LockCommand.Create(cli, logFormat));
        root.Subcommands.Add(CacheCommand.Create(cli, logFormat));
        root.Subcommands.Add(InspectCommand.Create(cli, logFormat));
        root.Subcommands.Add(RunCommand.Create(cli, logFormat));
        root.Subcommands.Add(PackageCommand.Create(cli, logFormat));
        root.Subcommands.Add(StackCommand.Create(cli, logFormat));
        return root;
    }

    public static Task<int> RunAsync(string[] args, CliEnvironment cli, CancellationToken cancellationToken = default) =>
        Create(cli).Parse(args).InvokeAsync(
            new InvocationConfiguration { Output = cli.Output, Error = cli.Error, ProcessTerminationTimeout = null },
            cancellationToken);
}
