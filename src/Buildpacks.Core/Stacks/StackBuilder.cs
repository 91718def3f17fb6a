using System.Globalization;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Hosts;

namespace Buildpacks.Core.Stacks;

/// <summary>
/// Builds a stack's build and run images with the container CLI: the stack's Dockerfile, then a finishing layer that
/// creates the stack user, labels the stack id and sets CNB_USER_ID, CNB_GROUP_ID and CNB_STACK_ID.
/// Nothing is pulled beyond what the Dockerfiles' FROM lines need; a failed build leaves no tag and no container.
/// </summary>
internal static class StackBuilder
{
    /// <summary>Label every stack image carries.</summary>
    public const string StackIdLabel = "io.buildpacks.stack.id";

    /// <summary>Builds both images of <paramref name="request"/>; <paramref name="log"/> receives the CLI's output lines.</summary>
    /// <exception cref="BuildpackException">The stack file is invalid, the CLI is missing, or a build or save failed.</exception>
    public static async Task<StackBuildResult> BuildAsync(StackBuildRequest request, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);
        var stack = StackFile.Read(request.StackFile);
        var cli = StackEngine.Find(request.Cli);
        // localhost/: a bare name means docker.io to the docker CLI, which podman's API then does not find locally.
        var name = request.Name ?? "localhost/" + stack.Id.ToLowerInvariant();
        var buildImage = $"{name}-build:{request.Tag}";
        var runImage = $"{name}-run:{request.Tag}";
        var made = new List<string>();
        try
        {
            await BuildImageAsync(cli, stack, stack.Build, buildImage, log, cancellationToken).ConfigureAwait(false);
            made.Add(buildImage);
            await BuildImageAsync(cli, stack, stack.Run, runImage, log, cancellationToken).ConfigureAwait(false);
            made.Add(runImage);
            await SaveAsync(cli, buildImage, request.BuildOutput, cancellationToken).ConfigureAwait(false);
            await SaveAsync(cli, runImage, request.RunOutput, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A half-built stack is not a stack: the tags made so far go.
            foreach (var image in made)
            {
                await cli.RunAsync(["rmi", image], CancellationToken.None).ConfigureAwait(false);
            }

            throw;
        }

        return new StackBuildResult(stack.Id, buildImage, runImage);
    }

    private static async Task BuildImageAsync(ContainerCli cli, StackDefinition stack, StackImageDefinition image, string tag, Action<string> log, CancellationToken cancellationToken)
    {
        using var work = new StackWorkDirectory();
        var iidFile = Path.Combine(work.Path, "iid");
        var arguments = new List<string> { "build", "--force-rm", "--file", image.Dockerfile, "--iidfile", iidFile };
        foreach (var (name, value) in image.Args)
        {
            arguments.AddRange(["--build-arg", $"{name}={value}"]);
        }

        if (image.Target is { Length: > 0 } target)
        {
            arguments.AddRange(["--target", target]);
        }

        if (stack.Platforms is [var platform])
        {
            arguments.AddRange(["--platform", platform]);
        }

        arguments.Add(Path.GetDirectoryName(image.Dockerfile)!);
        await RunBuildAsync(cli, arguments, stack, image.Dockerfile, log, cancellationToken).ConfigureAwait(false);
        var baseImage = File.ReadAllText(iidFile).Trim();

        var finishing = Path.Combine(work.Path, "Dockerfile");
        File.WriteAllText(finishing, FinishingDockerfile(stack, image, baseImage));
        try
        {
            await RunBuildAsync(cli, ["build", "--force-rm", "--tag", tag, "--file", finishing, work.Path], stack, image.Dockerfile, log, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await cli.RunAsync(["rmi", baseImage], CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private static string FinishingDockerfile(StackDefinition stack, StackImageDefinition image, string baseImage)
    {
        var uid = image.Uid.ToString(CultureInfo.InvariantCulture);
        var gid = image.Gid.ToString(CultureInfo.InvariantCulture);
        var lines = new List<string>
        {
            $"FROM {baseImage}",
            "USER root",
            // The Dockerfile may have made the user already (Paketo's do); otherwise it is 'cnb', or 'cnb<id>' when the
            // base image has a 'cnb' with other ids.
            $"RUN (getent group {gid} >/dev/null || groupadd --gid {gid} $(getent group cnb >/dev/null && echo cnb{gid} || echo cnb)) && " +
            $"(getent passwd {uid} >/dev/null || useradd --uid {uid} --gid {gid} --create-home --shell {image.Shell} $(getent passwd cnb >/dev/null && echo cnb{uid} || echo cnb))",
            $"LABEL {StackIdLabel}=\"{stack.Id}\"",
        };
        // The run image gets them too: otherwise it keeps its base image's (another stack's) values.
        lines.Add($"ENV CNB_USER_ID={uid} CNB_GROUP_ID={gid} CNB_STACK_ID=\"{stack.Id}\"");

        lines.Add($"USER {uid}:{gid}");
        return string.Join('\n', lines) + "\n";
    }

    private static async Task RunBuildAsync(ContainerCli cli, List<string> arguments, StackDefinition stack, string dockerfile, Action<string> log, CancellationToken cancellationToken)
    {
        var result = await StackEngine.StreamAsync(cli, arguments, log, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new BuildpackException(
                ErrorCodes.StackBuildFailed,
                $"Building the stack image from '{dockerfile}' failed (exit code {result.ExitCode}): {result.LastLine}. Fix the Dockerfile or its build args in the stack file; its output is above.",
                stack.Path);
        }
    }

    private static async Task SaveAsync(ContainerCli cli, string image, string? output, CancellationToken cancellationToken)
    {
        if (output is null)
        {
            return;
        }

        var full = Path.GetFullPath(output);
        var saved = await cli.RunAsync(["save", "--output", full, image], cancellationToken).ConfigureAwait(false);
        if (!saved.Succeeded)
        {
            throw new BuildpackException(ErrorCodes.StackSaveFailed, $"Saving {image} to '{full}' failed ({saved.FirstErrorLine}). Check that the folder exists and is writable.", full);
        }
    }
}
