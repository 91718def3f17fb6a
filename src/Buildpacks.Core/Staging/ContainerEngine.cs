namespace Buildpacks.Core.Staging;

/// <summary>The CLI that drives the container engine when staging in a stack image.</summary>
public enum ContainerEngine
{
    /// <summary>The <c>docker</c> CLI: Docker, or podman's Docker API through DOCKER_HOST.</summary>
    Docker,

    /// <summary>The <c>podman</c> CLI.</summary>
    Podman,
}
