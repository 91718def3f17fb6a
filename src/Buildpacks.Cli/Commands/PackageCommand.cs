using System.CommandLine;
using Buildpacks.Core.Packaging;

namespace Buildpacks.Cli.Commands;

/// <summary><c>buildpacks package BUILDPACK_DIR [--cached] ...</c> and <c>buildpacks package default-version manifest.yml NAME</c>.</summary>
internal static class PackageCommand
{
    public static Command Create(CliEnvironment cli, Option<string> logFormat)
    {
        var directory = new Argument<string>("BUILDPACK_DIR") { Description = "The buildpack directory, with manifest.yml and VERSION." };
        var cached = new Option<bool>("--cached") { Description = "Put every dependency for the stack into the zip, so staging needs no network." };
        var stack = new Option<string?>("--stack") { Description = "The stack to package for (default: the manifest's stack)." };
        var anyStack = new Option<bool>("--any-stack") { Description = "Package the dependencies of every stack." };
        var output = new Option<string?>("--output") { Description = "The zip to write (default: <language>_buildpack[-cached][-<stack>]-v<VERSION>.zip in the buildpack directory)." };
        var force = new Option<bool>("--force-download") { Description = "Download dependencies again even when the download cache has them." };
        var manifest = new Option<string?>("--manifest") { Description = "A manifest to use instead of BUILDPACK_DIR/manifest.yml." };
        var downloadCache = new Option<string?>("--download-cache") { Description = "The download cache directory (default: ~/.buildpack-packager/cache)." };
        var summary = new Option<bool>("--summary") { Description = "Print the dependencies and default versions as Markdown." };
        var command = new Command("package", """
            Package a buildpack into a zip, as Cloud Foundry's buildpack-packager does. The zip is deterministic
            (SOURCE_DATE_EPOCH sets its timestamps) and can be given to 'buildpacks stage --buildpack'.

            Example:
              buildpacks package ./my-buildpack --cached --stack cflinuxfs4
            """)
        {
            directory, cached, stack, anyStack, output, force, manifest, downloadCache, summary,
        };
        command.Subcommands.Add(DefaultVersion(cli, logFormat));
        command.SetAction((parse, cancellationToken) =>
        {
            var reporter = cli.Reporter(parse.GetValue(logFormat));
            return CommandRunner.RunAsync(cli, reporter, async () =>
            {
                var result = await new BuildpackPackager(reporter).PackageAsync(
                    new PackageOptions
                    {
                        BuildpackDirectory = parse.GetValue(directory)!,
                        Cached = parse.GetValue(cached),
                        Stack = parse.GetValue(stack),
                        AnyStack = parse.GetValue(anyStack),
                        Output = parse.GetValue(output),
                        ForceDownload = parse.GetValue(force),
                        Manifest = parse.GetValue(manifest),
                        DownloadCache = parse.GetValue(downloadCache),
                        Timestamp = BuildpackPackager.TimestampFrom(cli.Variables("SOURCE_DATE_EPOCH")),
                    },
                    cancellationToken).ConfigureAwait(false);
                if (parse.GetValue(summary))
                {
                    cli.Output.Write(result.Summary);
                }

                cli.Output.WriteLine(result.Zip);
                return 0;
            });
        });
        return command;
    }

    private static Command DefaultVersion(CliEnvironment cli, Option<string> logFormat)
    {
        var manifest = new Argument<string>("MANIFEST") { Description = "The manifest.yml to read." };
        var name = new Argument<string>("NAME") { Description = "The dependency's name." };
        var command = new Command("default-version", "Print the default version of a dependency, for buildpack scripts.") { manifest, name };
        command.SetAction((parse, _) =>
        {
            var reporter = cli.Reporter(parse.GetValue(logFormat));
            return CommandRunner.RunAsync(cli, reporter, () =>
            {
                cli.Output.WriteLine(BuildpackPackager.DefaultVersion(parse.GetValue(manifest)!, parse.GetValue(name)!));
                return Task.FromResult(0);
            });
        });
        return command;
    }
}
