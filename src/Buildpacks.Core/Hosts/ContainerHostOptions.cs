namespace Buildpacks.Core.Hosts;

/// <summary>How stagings run inside containers of a stack image.</summary>
internal sealed record ContainerHostOptions
{
    /// <summary>The stack image every staging runs in (it must already be in the engine: nothing is pulled).</summary>
    public required string Image { get; init; }

    /// <summary>The container CLI: <c>docker</c> (Docker, or podman's Docker API through DOCKER_HOST) or <c>podman</c>, or a path to one.</summary>
    public string Cli { get; init; } = "docker";

    /// <summary>The engine the CLI talks to, as DOCKER_HOST (and podman's CONTAINER_HOST) spell it; null: the CLI's own choice (DOCKER_HOST, the current context).</summary>
    public string? EngineHost { get; init; }

    /// <summary>The <c>UID:GID</c> scripts run as when the image sets no CNB_USER_ID/CNB_GROUP_ID; null: the image must set them.</summary>
    public string? User { get; init; }

    /// <summary>How long the engine may take to answer whether it is there.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
