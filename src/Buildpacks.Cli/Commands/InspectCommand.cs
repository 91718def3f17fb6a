using System.CommandLine;
using System.Text.Json;
using Buildpacks.Core.Droplets;
using Buildpacks.Core.Launching;
using Buildpacks.Core.Requests;

namespace Buildpacks.Cli.Commands;

/// <summary><c>buildpacks inspect DROPLET [--json]</c>.</summary>
internal static class InspectCommand
{
    public static Command Create(CliEnvironment cli, Option<string> logFormat)
    {
        var droplet = new Argument<string>("DROPLET") { Description = "The droplet (.tgz) to describe." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var command = new Command("inspect", """
            Describe a droplet: layout, process types, detected buildpack, size, sha256, file count, and the
            exec.d programs and profile scripts 'buildpacks run' would run, in order.

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
                var layout = StagingNames.LayoutName(info.Layout);
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
                        exec_d = info.LaunchScripts.Where(s => s.Kind == LaunchScriptKind.ExecD).Select(s => new { path = s.Path, process_type = s.ProcessType }),
                        profile_scripts = info.LaunchScripts.Where(s => s.Kind == LaunchScriptKind.Profile).Select(s => s.Path),
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

                    cli.Output.WriteLine(info.LaunchScripts.Count == 0 ? "Launch scripts: none" : "Launch scripts (in the order a launch runs them):");
                    foreach (var script in info.LaunchScripts)
                    {
                        var kind = script.Kind == LaunchScriptKind.ExecD ? "exec.d " : "profile";
                        var only = script.ProcessType is null ? "" : $" ({script.ProcessType} only)";
                        cli.Output.WriteLine($"  {kind} {script.Path}{only}");
                    }
                }

                return Task.FromResult(0);
            });
        });
        return command;
    }
}
