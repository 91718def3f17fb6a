namespace Buildpacks.Testing;

/// <summary>
/// The real container engine the container tests use: the one DOCKER_HOST names (the Test target starts podman's
/// service with build/containers/engine.sh and builds the stack image with build/containers/stack-image.sh).
/// </summary>
public static class LocalContainerEngine
{
    /// <summary>The trait value of tests that need the engine: <c>--filter Category!=Container</c> leaves them out of a quick loop.</summary>
    public const string Category = "Container";

    /// <summary>The local stack image (BUILDPACKS_STACK_IMAGE, else the one stack-image.sh builds).</summary>
    public static string StackImage => Environment.GetEnvironmentVariable("BUILDPACKS_STACK_IMAGE") is { Length: > 0 } image
        ? image
        : "localhost/buildpacks-stack:bookworm";

    /// <summary>Runs the docker CLI and returns its result; fails the test when it cannot run.</summary>
    public static ProcessResult Docker(params string[] arguments) => ChildProcess.Run("docker", arguments, Path.GetTempPath());

    /// <summary>Every container and volume the engine has, by name: what a test compares before and after.</summary>
    public static IReadOnlyList<string> Leftovers()
    {
        var containers = Docker("ps", "--all", "--format", "container {{.Names}}");
        var volumes = Docker("volume", "ls", "--quiet");
        if (containers.ExitCode != 0 || volumes.ExitCode != 0)
        {
            throw new InvalidOperationException($"The container engine does not answer (DOCKER_HOST={Environment.GetEnvironmentVariable("DOCKER_HOST")}): {containers.Output} {volumes.Output}");
        }

        return [.. containers.Lines.Concat(volumes.Lines.Select(v => "volume " + v)).Where(l => l.Length > 0).Order(StringComparer.Ordinal)];
    }

    /// <summary>The owner of a file as <c>UID:GID</c>.</summary>
    public static string Owner(string path) => ChildProcess.Run("stat", ["-c", "%u:%g", path], "/").Output.Trim();

    /// <summary>This process's <c>UID:GID</c>.</summary>
    public static string CurrentUser() =>
        ChildProcess.Run("id", ["-u"], "/").Output.Trim() + ":" + ChildProcess.Run("id", ["-g"], "/").Output.Trim();
}
