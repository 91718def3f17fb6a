using Cake.Core.IO;

namespace Cake.Buildpacks;

/// <summary>Options of <see cref="BuildpacksAliases.BuildpackStackBuild"/>; every one has the CLI's default.</summary>
public sealed class BuildpackStackBuildSettings
{
    /// <summary>The tag of both images (default <c>latest</c>).</summary>
    public string Tag { get; set; } = "latest";

    /// <summary>The images' name before <c>-build</c>/<c>-run</c>; null: <c>localhost/</c> and the stack id.</summary>
    public string? Name { get; set; }

    /// <summary>Where the build image is saved as an archive, or null.</summary>
    public FilePath? BuildOutput { get; set; }

    /// <summary>Where the run image is saved as an archive, or null.</summary>
    public FilePath? RunOutput { get; set; }

    /// <summary>The container CLI: <c>docker</c> (default) or <c>podman</c>.</summary>
    public string ContainerEngine { get; set; } = "docker";
}
