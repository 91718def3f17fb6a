using System.CommandLine;
using System.Text.Json;
using Buildpacks.Core.Droplets;
using Buildpacks.Core.Staging;

namespace Buildpacks.Cli.Commands;

/// <summary><c>buildpacks inspect DROPLET [--json]</c>.</summary>
internal static class InspectCommand
{
    public static Command Create(CliEnvironment cli, Option<string> logFormat)
    {
        var droplet = new Argument<string>("DROPLET") { Description = "The droplet (.tgz) to describe." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var command = new Command("inspect", """
            Describe a droplet: layout, process types, detected buildpack, size, sha256 and file count.

            Example:
              buildpacks inspect HelloWeb.droplet.tgz --json
            """)
        {
            droplet, json,
        };

        command.SetAction((parse, cancellationToken) =>
        {
            var reporter = cli.Reporter(parse.GetValue(logFormat));
            return CommandRunner.RunAsync(reporter, () =>
            {
                var info = DropletInspector.Inspect(parse.GetValue(droplet)!);
                var layout = info.Layout == DropletLayout.Heroku ? "heroku" : "cf";
                if (parse.GetValue(json))
                {
                    cli.Output.WriteLine(JsonSerializer.Serialize(new
                    {
                        path = info.Path,
                        layout,
                        size = info.Size,
                        sha256 = info.Sha256,
                        file_count = info.FileCount,
                        detected_buildpack = info.DetectedBuildpack,
                        start_command = info.StartCommand,
                        process_types = info.ProcessTypes,
                    }, new JsonSerializerOptions { WriteIndented = true }));
                }
                else
                {
                    cli.Output.WriteLine($"Droplet:   {info.Path}");
                    cli.Output.WriteLine($"Layout:    {layout}");
                    cli.Output.WriteLine($"Size:      {info.Size} bytes");
                    cli.Output.WriteLine($"SHA-256:   {info.Sha256}");
                    cli.Output.WriteLine($"Files:     {info.FileCount}");
                    cli.Output.WriteLine($"Buildpack: {info.DetectedBuildpack}");
                    cli.Output.WriteLine("Processes:");
                    foreach (var (type, commandLine) in info.ProcessTypes)
                    {
                        cli.Output.WriteLine($"  {type}: {commandLine}");
                    }
                }

                return Task.FromResult(0);
            });
        });
        return command;
    }
}
