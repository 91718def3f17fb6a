using Buildpacks.Cli.Commands;

return await CliApp.RunAsync(args, CliEnvironment.Console).ConfigureAwait(false);
