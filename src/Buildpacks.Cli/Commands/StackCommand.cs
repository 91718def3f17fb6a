using System.CommandLine;
using Buildpacks.Core.Stacks;

namespace Buildpacks.Cli.Commands;

/// <summary><c>buildpacks stack build STACK.TOML</c> and <c>buildpacks stack check BUILDER.TOML</c>.</summary>
internal static class StackCommand
{
    public static Command Create(CliEnvironment cli, Option<string> logFormat)
    {
        var command = new Command("stack", "Build custom stacks from a stack.toml, and check a builder.toml against them.");
        command.Subcommands.Add(Build(cli, logFormat));
        command.Subcommands.Add(Check(cli, logFormat));
        return command;
    }

    private static Option<string> Engine() => new("--container-engine") { Description = "The container CLI: docker (default) or podman.", DefaultValueFactory = _ => "docker" };

    private static Command Build(CliEnvironment cli, Option<string> logFormat)
    {
        var file = new Argument<string>("STACK.TOML") { Description = "The Paketo-style stack.toml." };
        var tag = new Option<string>("--tag") { Description = "The tag of both images (default: latest).", DefaultValueFactory = _ => "latest" };
        var name = new Option<string?>("--name") { Description = "The images' name before -build/-run (default: localhost/ and the stack id)." };
        var buildOutput = new Option<string?>("--build-output") { Description = "Save the build image to this archive (e.g. build.oci)." };
        var runOutput = new Option<string?>("--run-output") { Description = "Save the run image to this archive (e.g. run.oci)." };
        var engine = Engine();
        var command = new Command("build", """
            Build a stack's build and run images from its stack.toml: the Dockerfiles with their build args, then the
            stack user (uid/gid), the io.buildpacks.stack.id label and, in the build image, CNB_USER_ID, CNB_GROUP_ID
            and CNB_STACK_ID. Tags <name>-build:<tag> and <name>-run:<tag>.

            Example:
              buildpacks stack build samples/stacks/stack.toml --tag 1.0
              buildpacks stage ./publish -b ./buildpacks/dotnet --stack-image localhost/io.buildpacks.tasks.sample-build:1.0
            """)
        {
            file, tag, name, buildOutput, runOutput, engine,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var reporter = cli.Reporter(parse.GetValue(logFormat));
            return CommandRunner.RunAsync(cli, reporter, async () =>
            {
                var request = new StackBuildRequest
                {
                    StackFile = parse.GetValue(file)!,
                    Tag = parse.GetValue(tag)!,
                    Name = parse.GetValue(name),
                    BuildOutput = parse.GetValue(buildOutput),
                    RunOutput = parse.GetValue(runOutput),
                    Cli = parse.GetValue(engine)!,
                };
                var result = await StackBuilder.BuildAsync(request, cli.Error.WriteLine, cancellationToken).ConfigureAwait(false);
                cli.Output.WriteLine($"Stack:       {result.StackId}");
                cli.Output.WriteLine($"Build image: {result.BuildImage}");
                cli.Output.WriteLine($"Run image:   {result.RunImage}");
                return 0;
            });
        });
        return command;
    }

    private static Command Check(CliEnvironment cli, Option<string> logFormat)
    {
        var file = new Argument<string>("BUILDER.TOML") { Description = "The builder.toml to check." };
        var engine = Engine();
        var command = new Command("check", """
            Check a builder.toml: its [stack] id is the label of its build and run images, both images are in the
            engine, and every buildpack in its order supports the stack id (or "*").

            Example:
              buildpacks stack check builder.toml
            """)
        {
            file, engine,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var reporter = cli.Reporter(parse.GetValue(logFormat));
            return CommandRunner.RunAsync(cli, reporter, async () =>
            {
                var result = await BuilderCheck.CheckAsync(parse.GetValue(file)!, parse.GetValue(engine)!, cancellationToken).ConfigureAwait(false);
                cli.Output.WriteLine($"Stack {result.StackId}: {result.BuildImage} and {result.RunImage} carry it; buildpacks supporting it: {string.Join(", ", result.Buildpacks)}");
                return 0;
            });
        });
        return command;
    }
}
