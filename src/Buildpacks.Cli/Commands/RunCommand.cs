using System.CommandLine;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;
using Buildpacks.Core.Launching;
using Buildpacks.Core.Staging;

namespace Buildpacks.Cli.Commands;

/// <summary><c>buildpacks run DROPLET [--process TYPE] [--port N] [--env NAME=VALUE]... [--dir DIR] [--max-extract-size SIZE] [--max-extract-entries N]</c>.</summary>
internal static class RunCommand
{
    public static Command Create(CliEnvironment cli, Option<string> logFormat)
    {
        var droplet = new Argument<string>("DROPLET") { Description = "The droplet (.tgz) to run: a Cloud Foundry droplet or a Heroku slug." };
        var process = new Option<string>("--process", "-p") { Description = "The process type to start.", DefaultValueFactory = _ => LaunchRequest.DefaultProcessType };
        var port = new Option<int>("--port") { Description = "The port given to the process as PORT.", DefaultValueFactory = _ => LaunchRequest.DefaultPort };
        var environment = new Option<string[]>("--env", "-e") { Description = "NAME=VALUE for the process's environment (over the platform's and the release's). Repeatable." };
        var directory = new Option<string>("--dir") { Description = "Where droplets are extracted, each into DIR/<sha256> and reused by later runs. Default: a folder in the temp directory." };
        var maxSize = new Option<string>("--max-extract-size")
        {
            Description = "The most the droplet may expand to on extraction (binary units: 512M, 8G); a larger one is refused, nothing is left behind.",
            DefaultValueFactory = _ => $"{ExtractionLimits.DefaultMaxBytes >> 30}G",
        };
        var maxEntries = new Option<int>("--max-extract-entries")
        {
            Description = "The most files, directories and links the droplet may hold.",
            DefaultValueFactory = _ => ExtractionLimits.DefaultMaxEntries,
        };
        var command = new Command("run", """
            Run a process of a droplet on this machine, the way the platform starts it: extract the droplet,
            run its exec.d programs, source its profile scripts, then start the command with PORT set.
            Ctrl+C and SIGTERM are passed to the process; the exit code is the process's.

            Example:
              buildpacks run HelloWeb.droplet.tgz --port 8089
              buildpacks run app.droplet.tgz --process worker --env LOG_LEVEL=debug --dir .buildpacks-run
            """)
        {
            droplet, process, port, environment, directory, maxSize, maxEntries,
        };

        // A synchronous action on purpose: System.CommandLine then leaves SIGINT and SIGTERM alone (for asynchronous
        // actions it cancels them and exits after a timeout), so SignalForwarder passes them to the process and this
        // command ends when the process does, with its exit code.
        command.SetAction(parse =>
        {
            var reporter = cli.Reporter(parse.GetValue(logFormat));
            return CommandRunner.RunAsync(cli, reporter, async () =>
            {
                var variables = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var assignment in parse.GetValue(environment) ?? [])
                {
                    var (name, value) = EnvFile.ParseAssignment(assignment);
                    variables[name] = value;
                }

                if (!ByteSizeText.TryParse(parse.GetValue(maxSize), out var maxBytes))
                {
                    throw new BuildpackException(ErrorCodes.InvalidLaunchRequest, $"--max-extract-size '{parse.GetValue(maxSize)}' is not a positive size. Write e.g. 512M, 8G or a number of bytes.");
                }

                var request = new LaunchRequest
                {
                    DropletPath = parse.GetValue(droplet)!,
                    ProcessType = parse.GetValue(process)!,
                    Port = parse.GetValue(port),
                    Environment = variables,
                    RunDirectory = parse.GetValue(directory),
                    ExtractionLimits = new ExtractionLimits { MaxBytes = maxBytes, MaxEntries = parse.GetValue(maxEntries) },
                };

                using var signals = new SignalForwarder();
                LaunchedProcess launched;
                try
                {
                    launched = await new Launcher().StartAsync(request, new ConsoleLaunchLog(reporter, cli.Output, cli.Error), signals.BeforeStart).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    reporter.Error(ErrorCodes.LaunchInterrupted, "The launch was interrupted before the process started; nothing is running.", null);
                    return signals.InterruptedExitCode;
                }

                await using (launched.ConfigureAwait(false))
                {
                    signals.Attach(launched);
                    var exitCode = await launched.Exited.ConfigureAwait(false);
                    reporter.Info($"{launched.ProcessType} exited with code {exitCode}");
                    return exitCode;
                }
            }).GetAwaiter().GetResult();
        });
        return command;
    }
}
