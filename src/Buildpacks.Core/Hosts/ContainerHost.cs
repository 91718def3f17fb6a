using System.Text.Json;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Hosts;

/// <summary>
/// Runs every script of a staging inside one container of a stack image, through the <c>docker</c> CLI (which drives
/// Docker, and podman through its Docker API) or the <c>podman</c> CLI. Nothing is pulled: the image must be there.
/// </summary>
internal sealed class ContainerHost : IStagingHost
{
    private readonly ContainerHostOptions _options;

    /// <summary>A host that stages in containers of <see cref="ContainerHostOptions.Image"/>.</summary>
    public ContainerHost(ContainerHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Image);
        _options = options;
    }

    /// <summary>The options this host was made with.</summary>
    public ContainerHostOptions Options => _options;

    /// <inheritdoc />
    public string Name => Path.GetFileName(_options.Cli);

    /// <inheritdoc />
    public HostAvailability CheckAvailability()
    {
        var cli = ContainerCli.Find(_options);
        if (cli is null)
        {
            return HostAvailability.Unavailable(
                $"the container CLI '{_options.Cli}' was not found on PATH. Install Docker or podman (Debian: apt-get install podman runc, " +
                "with a docker CLI or podman-docker), or stage on this machine without a stack image.",
                ErrorCodes.ContainerCliMissing);
        }

        // One call answers all three: whether the engine answers, lets us in, and has the image (`docker version`
        // takes seconds on podman, which asks its runtimes for their versions).
        var image = cli.Run(["image", "inspect", "--format", "{{.Id}}", _options.Image], _options.ProbeTimeout);
        if (image.Succeeded)
        {
            return HostAvailability.Available;
        }

        if (IsMissingImage(image.Error))
        {
            return HostAvailability.Unavailable(
                $"the stack image '{_options.Image}' is not in the engine ({image.FirstErrorLine}). Nothing is pulled while staging: " +
                "pull, load or build it first (for a local one, build/containers/stack-image.sh), and check the name and tag.",
                ErrorCodes.StackImageMissing);
        }

        return image.Error.Contains("permission denied", StringComparison.OrdinalIgnoreCase)
            ? HostAvailability.Unavailable(
                $"the container engine refused the connection ({image.FirstErrorLine}). Run as a user that may use the engine's socket " +
                "(e.g. in the docker group), or point DOCKER_HOST at an engine you may use.",
                ErrorCodes.ContainerEngineRefused)
            : HostAvailability.Unavailable(
                $"the container engine does not answer ({image.FirstErrorLine}). Start it (Docker: the docker service; podman: " +
                "podman system service, or build/containers/engine.sh start) and set DOCKER_HOST to its socket when it is not the default.",
                ErrorCodes.ContainerEngineNotAnswering);
    }

    /// <inheritdoc />
    public async Task<IStagingHostSession> OpenSessionAsync(HostSessionLayout layout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var cli = ContainerCli.Find(_options)
            ?? throw new BuildpackException(ErrorCodes.ContainerCliMissing, $"The container CLI '{_options.Cli}' was not found on PATH. Install Docker or podman.");
        var imageEnvironment = await ReadImageEnvironmentAsync(cli, cancellationToken).ConfigureAwait(false);
        var user = StackUser(imageEnvironment);
        return await ContainerHostSession.OpenAsync(cli, _options.Image, user, imageEnvironment, layout, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Dictionary<string, string>> ReadImageEnvironmentAsync(ContainerCli cli, CancellationToken cancellationToken)
    {
        var inspect = await cli.RunAsync(["image", "inspect", "--format", "{{json .Config.Env}}", _options.Image], cancellationToken).ConfigureAwait(false);
        if (!inspect.Succeeded)
        {
            throw new BuildpackException(
                ErrorCodes.StackImageMissing,
                $"The stack image '{_options.Image}' cannot be read ({inspect.FirstErrorLine}). Pull, load or build it first, and check the name and tag.");
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = JsonSerializer.Deserialize<string[]?>(inspect.Output.Trim()) ?? [];
        foreach (var entry in entries)
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                environment[entry[..equals]] = entry[(equals + 1)..];
            }
        }

        return environment;
    }

    // Docker says "No such image", podman's CLI "image not known".
    private static bool IsMissingImage(string error) =>
        error.Contains("no such image", StringComparison.OrdinalIgnoreCase) || error.Contains("image not known", StringComparison.OrdinalIgnoreCase);

    private string StackUser(Dictionary<string, string> imageEnvironment)
    {
        // An empty value is how a derived image takes the variable back (ENV CNB_USER_ID=).
        if (imageEnvironment.GetValueOrDefault("CNB_USER_ID") is { Length: > 0 } uid && imageEnvironment.GetValueOrDefault("CNB_GROUP_ID") is { Length: > 0 } gid)
        {
            return CheckUser($"{uid}:{gid}", $"the image's CNB_USER_ID/CNB_GROUP_ID ({uid}/{gid})");
        }

        if (!string.IsNullOrWhiteSpace(_options.User))
        {
            return CheckUser(_options.User.Trim(), $"the container user '{_options.User}'");
        }

        throw new BuildpackException(
            ErrorCodes.StackUserUnknown,
            $"The stack image '{_options.Image}' sets no CNB_USER_ID and CNB_GROUP_ID, so the non-root user scripts run as is unknown. " +
            "Set them in the image (ENV CNB_USER_ID=1000 CNB_GROUP_ID=1000, with that user created), or give the user as UID:GID.");
    }

    private static string CheckUser(string user, string what)
    {
        var parts = user.Split(':');
        var valid = parts.Length == 2 && parts.All(p => uint.TryParse(p, out _)) && parts.All(p => p != "0");
        return valid
            ? user
            : throw new BuildpackException(
                ErrorCodes.ContainerSettingInvalid,
                $"{char.ToUpperInvariant(what[0])}{what[1..]} is not a non-root UID:GID. Buildpack scripts run as the stack's non-root user: give numbers other than 0.");
    }
}
