using Buildpacks.Core;
using System.CommandLine;
using Buildpacks.Core.Requests;
using Buildpacks.Core.Staging;

namespace Buildpacks.Cli.Commands;

/// <summary><c>buildpacks stage APP_DIR</c>.</summary>
internal static class StageCommand
{
    /// <summary>How the builder's errors name the settings: as they are written on the command line.</summary>
    private static readonly StagingSettingNames Names = new()
    {
        Buildpacks = "--buildpack",
        Candidates = "--candidate",
        EnvironmentVariables = "--env",
        ProcessTypes = "--process",
        Layout = "--layout",
        ProcfileMode = "--procfile-mode",
        Timeout = "--timeout",
        Timestamp = "--timestamp",
        ContainerEngine = "--container-engine",
    };

    public static Command Create(CliEnvironment cli, Option<string> logFormat)
    {
        var appDirectory = new Argument<string>("APP_DIR") { Description = "The app directory to stage (for .NET, the publish folder). It is not modified." };
        var buildpacks = new Option<string[]>("--buildpack", "-b") { Description = "A buildpack to use, skipping detection. Repeat for multi-buildpack staging: all but the last supply, the last finalizes." };
        var candidates = CommonOptions.Candidates("A candidate buildpack for detection, in order; the first whose bin/detect accepts the app is used.");
        var output = new Option<string>("--output", "-o") { Description = "The droplet file to write. Default: APP_DIR's name + .droplet.tgz in the current directory." };
        var cacheDirectory = new Option<string>("--cache-dir") { Description = "A cache directory kept between stagings (created if missing). Default: a throwaway cache." };
        var environment = new Option<string[]>("--env", "-e") { Description = "NAME=VALUE for the env dir and the buildpack's environment. Repeatable; wins over --env-file." };
        var envFiles = new Option<string[]>("--env-file") { Description = "A file of NAME=VALUE lines (blank lines and # comments skipped). Repeatable; a later file wins." };
        var stack = new Option<string>("--stack") { Description = $"The stack name given to buildpacks as STACK and CF_STACK. Default: {StagingRequest.DefaultStack}." };
        var layout = new Option<string>("--layout") { Description = "Droplet layout: cf (Cloud Foundry droplet, the default) or heroku (slug)." };
        var procfileMode = new Option<string>("--procfile-mode") { Description = "merge (the default: the Procfile overrides the buildpack's process types one by one) or replace (herokuish: a Procfile drops them all)." };
        var processTypes = new Option<string[]>("--process") { Description = "TYPE=COMMAND: a process type that wins over the buildpack's and the Procfile's. Repeatable." };
        var timeout = new Option<string>("--timeout") { Description = "How long staging may take: 90s, 15m, 1h, 00:15:00 or seconds. Default: 15m." };
        var result = new Option<string>("--result") { Description = "Also write Cloud Foundry's result.json to this file." };
        var timestamp = new Option<string>("--timestamp") { Description = "The time of every droplet entry: Unix seconds or ISO 8601. Default: SOURCE_DATE_EPOCH, else 1980-01-01." };
        var applicationName = new Option<string>("--app-name") { Description = "The application name in VCAP_APPLICATION. Default: APP_DIR's name." };
        var stackImage = new Option<string>("--stack-image") { Description = "Stage inside a container of this stack image (it must be in the engine; nothing is pulled), as its non-root user. Default: on this machine." };
        var containerEngine = new Option<string>("--container-engine") { Description = "The CLI for --stack-image: docker (Docker, or podman through DOCKER_HOST; the default) or podman." };

        var command = new Command("stage", """
            Stage an app directory into a droplet with v2 buildpacks (Heroku / Cloud Foundry contract).

            Example:
              buildpacks stage ./bin/Release/net10.0/publish --buildpack ./buildpacks/dotnet --output app.droplet.tgz
              buildpacks stage ./app -c ./buildpacks/node -c ./buildpacks/dotnet --cache-dir .cache/app --env ASPNETCORE_ENVIRONMENT=Staging
            """)
        {
            appDirectory, buildpacks, candidates, output, cacheDirectory, environment, envFiles, stack, layout, procfileMode, processTypes,
            timeout, result, timestamp, applicationName, stackImage, containerEngine,
        };

        command.SetAction((parse, cancellationToken) =>
        {
            var reporter = cli.Reporter(parse.GetValue(logFormat));
            return CommandRunner.RunAsync(cli, reporter, async () =>
            {
                var inputs = new StagingInputs
                {
                    AppDirectory = parse.GetValue(appDirectory),
                    OutputPath = parse.GetValue(output),
                    CacheDirectory = parse.GetValue(cacheDirectory),
                    Stack = parse.GetValue(stack),
                    Layout = parse.GetValue(layout),
                    ProcfileMode = parse.GetValue(procfileMode),
                    Timeout = parse.GetValue(timeout),
                    ResultPath = parse.GetValue(result),
                    Timestamp = parse.GetValue(timestamp),
                    ApplicationName = parse.GetValue(applicationName),
                    StackImage = parse.GetValue(stackImage),
                    ContainerEngine = parse.GetValue(containerEngine),
                };
                Add(inputs.Buildpacks, parse.GetValue(buildpacks));
                Add(inputs.Candidates, parse.GetValue(candidates));
                Add(inputs.EnvironmentFiles, parse.GetValue(envFiles));
                foreach (var assignment in parse.GetValue(environment) ?? [])
                {
                    inputs.AddVariable(assignment);
                }

                foreach (var assignment in parse.GetValue(processTypes) ?? [])
                {
                    inputs.AddProcessType(assignment);
                }

                var request = new StagingRequestBuilder(Directory.GetCurrentDirectory(), Names).Build(inputs);
                var staged = await BuildpackEngine.Default.StageAsync(request, reporter, cancellationToken).ConfigureAwait(false);
                cli.Output.WriteLine($"Droplet: {staged.DropletPath}");
                cli.Output.WriteLine($"  sha256:    {staged.Sha256}");
                cli.Output.WriteLine($"  size:      {staged.Size} bytes");
                cli.Output.WriteLine($"  layout:    {StagingNames.LayoutName(staged.Layout)}");
                cli.Output.WriteLine($"  buildpack: {staged.DetectedBuildpack}");
                foreach (var (type, commandLine) in staged.ProcessTypes)
                {
                    cli.Output.WriteLine($"  process {type}: {commandLine}");
                }

                reporter.SetOutput("droplet", staged.DropletPath);
                reporter.SetOutput("sha256", staged.Sha256);
                return 0;
            });
        });
        return command;
    }

    private static void Add(IList<string> list, string[]? values)
    {
        foreach (var value in values ?? [])
        {
            list.Add(value);
        }
    }
}
