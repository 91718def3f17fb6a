using System.CommandLine;
using Buildpacks.Core.Ci;
using Buildpacks.Core.Diagnostics;
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
        LockFile = "--lock-file",
        ContainerEngine = "--container-engine",
    };

    public static Command Create(CliEnvironment cli, Option<string> logFormat)
    {
        var appDirectory = new Argument<string>("APP_DIR") { Description = "The app directory to stage (for .NET, the publish folder). It is not modified.", Arity = ArgumentArity.ZeroOrOne };
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
        var buildpackCache = CommonOptions.BuildpackCache();
        var offline = CommonOptions.Offline();
        var secretBuildpacks = CommonOptions.SecretBuildpacks();
        var lockFile = CommonOptions.LockFile("The lock file pinning each buildpack to an exact version (written by buildpacks lock). Default: APP_DIR/buildpacks.lock.json when it exists.");
        var applicationName = new Option<string>("--app-name") { Description = "The application name in VCAP_APPLICATION. Default: APP_DIR's name." };
        var secretEnv = new Option<string[]>("--secret-env") { Description = "NAME of an --env/--env-file variable whose value CI logs must mask. Repeatable; names ending in _TOKEN, _PASSWORD, _SECRET or _KEY are masked without it." };
        var manifest = new Option<string>("--manifest") { Description = "A Cloud Foundry manifest.yml to read (buildpacks, env, stack, command, memory, name, path). Default: APP_DIR/manifest.yml, when there is one." };
        var platform = new Option<string>("--platform") { Description = "Follow this platform's staging contract: heroku, cf, scalingo, dokku or stackato (compile's arguments, stack, layout, Procfile rule, staging variables). Default: default." };
        var explain = new Option<bool>("--explain") { Description = "Print what the --platform profile sets, and stage nothing." };
        var preStaging = new Option<string[]>("--pre-staging") { Description = "A shell command run in the build directory before the first buildpack (after stackato.yml's). Repeatable." };
        var postStaging = new Option<string[]>("--post-staging") { Description = "A shell command run in the build directory after the last buildpack, before release and packing. Repeatable." };
        var manifestApplication = new Option<string>("--app") { Description = "The manifest's application to stage, by name, when it lists several." };
        var stackImage = new Option<string>("--stack-image") { Description = "Stage inside a container of this stack image (it must be in the engine; nothing is pulled), as its non-root user. Default: on this machine." };
        var containerEngine = new Option<string>("--container-engine") { Description = "The CLI for --stack-image: docker (Docker, or podman through DOCKER_HOST; the default) or podman." };

        var command = new Command("stage", """
            Stage an app directory into a droplet with v2 buildpacks (Heroku / Cloud Foundry contract).

            Example:
              buildpacks stage ./bin/Release/net10.0/publish --buildpack ./buildpacks/dotnet --output app.droplet.tgz
              buildpacks stage ./app -c ./buildpacks/node -c ./buildpacks/dotnet --cache-dir .cache/app --env ASPNETCORE_ENVIRONMENT=Staging
              buildpacks stage ./app -b https://github.com/cloudfoundry/staticfile-buildpack#v1.6.0 --offline
            """)
        {
            appDirectory, buildpacks, candidates, output, cacheDirectory, environment, envFiles, stack, layout, procfileMode, processTypes,
            timeout, result, timestamp, applicationName, buildpackCache, offline, manifest, manifestApplication, preStaging, postStaging, platform, explain,
            lockFile, secretBuildpacks, secretEnv,
            stackImage, containerEngine,
        };

        command.SetAction((parse, cancellationToken) =>
        {
            var reporter = cli.Reporter(parse.GetValue(logFormat));
            return CommandRunner.RunAsync(cli, reporter, async () =>
            {
                if (parse.GetValue(explain))
                {
                    return Explain(cli, parse.GetValue(platform));
                }

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
                    ManifestPath = parse.GetValue(manifest),
                    ManifestApplication = parse.GetValue(manifestApplication),
                    Platform = parse.GetValue(platform),
                    LockFile = parse.GetValue(lockFile),
                    StackImage = parse.GetValue(stackImage),
                    ContainerEngine = parse.GetValue(containerEngine),
                };
                Add(inputs.Buildpacks, [.. CommonOptions.Buildpacks(parse.GetValue(buildpacks), parse.GetValue(secretBuildpacks))]);
                Add(inputs.Candidates, parse.GetValue(candidates));
                Add(inputs.EnvironmentFiles, parse.GetValue(envFiles));
                Add(inputs.PreStagingHooks, parse.GetValue(preStaging));
                Add(inputs.PostStagingHooks, parse.GetValue(postStaging));
                foreach (var assignment in parse.GetValue(environment) ?? [])
                {
                    inputs.AddVariable(assignment);
                }

                foreach (var assignment in parse.GetValue(processTypes) ?? [])
                {
                    inputs.AddProcessType(assignment);
                }

                var request = new StagingRequestBuilder(Directory.GetCurrentDirectory(), Names).Build(inputs);
                var engine = CommonOptions.Engine(cli, parse.GetValue(buildpackCache), parse.GetValue(offline));
                await CiStaging.StageAsync(engine, request, reporter, parse.GetValue(secretEnv), cancellationToken).ConfigureAwait(false);
                return 0;
            });
        });
        return command;
    }

    private static int Explain(CliEnvironment cli, string? platform)
    {
        if (!StagingNames.TryParsePlatform(platform ?? "default", out var parsed))
        {
            throw new BuildpackException(ErrorCodes.InvalidPlatform, $"--platform '{platform}' is not a platform. Use one of: {string.Join(", ", StagingNames.Platforms)}.");
        }

        cli.Output.WriteLine($"Platform: {StagingNames.PlatformName(parsed)}");
        foreach (var line in StagingNames.Explain(parsed))
        {
            cli.Output.WriteLine("  " + line);
        }

        return 0;
    }

    private static void Add(IList<string> list, string[]? values)
    {
        foreach (var value in values ?? [])
        {
            list.Add(value);
        }
    }
}
