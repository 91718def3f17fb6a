using Buildpacks.Core;
using System.CommandLine;
using Buildpacks.Core.Ci;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Staging;

namespace Buildpacks.Cli.Commands;

/// <summary><c>buildpacks stage APP_DIR</c>.</summary>
internal static class StageCommand
{
    public static Command Create(CliEnvironment cli, Option<string> logFormat)
    {
        var appDirectory = new Argument<string>("APP_DIR") { Description = "The app directory to stage (for .NET, the publish folder). It is not modified." };
        var buildpacks = new Option<string[]>("--buildpack", "-b") { Description = "A buildpack to use, skipping detection. Repeat for multi-buildpack staging: all but the last supply, the last finalizes." };
        var candidates = CommonOptions.Candidates("A candidate buildpack for detection, in order; the first whose bin/detect accepts the app is used.");
        var output = new Option<string>("--output", "-o") { Description = "The droplet file to write. Default: APP_DIR's name + .droplet.tgz in the current directory." };
        var cacheDirectory = new Option<string>("--cache-dir") { Description = "A cache directory kept between stagings (created if missing). Default: a throwaway cache." };
        var environment = new Option<string[]>("--env", "-e") { Description = "NAME=VALUE for the env dir and the buildpack's environment. Repeatable; wins over --env-file." };
        var envFile = new Option<string>("--env-file") { Description = "A file of NAME=VALUE lines (blank lines and # comments skipped)." };
        var stack = new Option<string>("--stack") { Description = "The stack name given to buildpacks as STACK and CF_STACK.", DefaultValueFactory = _ => StagingRequest.DefaultStack };
        var layout = new Option<string>("--layout") { Description = "Droplet layout: cf (Cloud Foundry droplet) or heroku (slug).", DefaultValueFactory = _ => "cf" }.AcceptOnlyFromAmong("cf", "heroku");
        var timeout = new Option<string>("--timeout") { Description = "How long staging may take: 90s, 15m, 1h, 00:15:00 or seconds.", DefaultValueFactory = _ => "15m" };
        var result = new Option<string>("--result") { Description = "Also write Cloud Foundry's result.json to this file." };
        var secretEnv = new Option<string[]>("--secret-env") { Description = "NAME of an --env/--env-file variable whose value CI logs must mask. Repeatable; names ending in _TOKEN, _PASSWORD, _SECRET or _KEY are masked without it." };
        var procfileReplaces = new Option<bool>("--procfile-replaces-defaults") { Description = "herokuish rule: when the app has a Procfile, drop the buildpack's default process types instead of merging per type." };

        var command = new Command("stage", """
            Stage an app directory into a droplet with v2 buildpacks (Heroku / Cloud Foundry contract).

            Example:
              buildpacks stage ./bin/Release/net10.0/publish --buildpack ./buildpacks/dotnet --output app.droplet.tgz
              buildpacks stage ./app -c ./buildpacks/node -c ./buildpacks/dotnet --cache-dir .cache/app --env ASPNETCORE_ENVIRONMENT=Staging
            """)
        {
            appDirectory, buildpacks, candidates, output, cacheDirectory, environment, envFile, stack, layout, timeout, result, procfileReplaces,
            secretEnv,
        };

        command.SetAction((parse, cancellationToken) =>
        {
            var reporter = cli.Reporter(parse.GetValue(logFormat));
            return CommandRunner.RunAsync(reporter, async () =>
            {
                var app = parse.GetValue(appDirectory)!;
                if (!DurationText.TryParse(parse.GetValue(timeout)!, out var limit))
                {
                    throw new BuildpackException(ErrorCodes.InvalidRequest, $"--timeout '{parse.GetValue(timeout)}' is not a positive duration. Write e.g. 90s, 15m, 1h or 00:15:00.");
                }

                if ((parse.GetValue(buildpacks) ?? []).Length == 0 && (parse.GetValue(candidates) ?? []).Length == 0)
                {
                    throw new BuildpackException(
                        ErrorCodes.InvalidRequest,
                        "No buildpack was given. Name the buildpack with --buildpack DIR, or candidates to detect with --candidate DIR.");
                }

                var variables = new Dictionary<string, string>(StringComparer.Ordinal);
                if (parse.GetValue(envFile) is { } file)
                {
                    foreach (var (name, value) in EnvFile.Read(file))
                    {
                        variables[name] = value;
                    }
                }

                foreach (var assignment in parse.GetValue(environment) ?? [])
                {
                    var (name, value) = EnvFile.ParseAssignment(assignment);
                    variables[name] = value;
                }

                var request = new StagingRequest
                {
                    AppDirectory = app,
                    OutputPath = parse.GetValue(output) ?? DefaultOutput(app),
                    Buildpacks = parse.GetValue(buildpacks) ?? [],
                    Candidates = parse.GetValue(candidates) ?? [],
                    CacheDirectory = parse.GetValue(cacheDirectory),
                    Environment = variables,
                    Stack = parse.GetValue(stack)!,
                    Layout = parse.GetValue(layout) == "heroku" ? DropletLayout.Heroku : DropletLayout.CloudFoundry,
                    Timeout = limit,
                    ResultPath = parse.GetValue(result),
                    ProcfileMode = parse.GetValue(procfileReplaces) ? ProcfileMode.ReplaceDefaults : ProcfileMode.Merge,
                };

                await CiStaging.StageAsync(BuildpackEngine.Default, request, reporter, parse.GetValue(secretEnv), cancellationToken).ConfigureAwait(false);
                return 0;
            });
        });
        return command;
    }

    private static string DefaultOutput(string appDirectory) =>
        Path.GetFileName(Path.GetFullPath(appDirectory).TrimEnd(Path.DirectorySeparatorChar)) + ".droplet.tgz";
}
