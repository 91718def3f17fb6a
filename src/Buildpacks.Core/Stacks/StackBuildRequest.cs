namespace Buildpacks.Core.Stacks;

/// <summary>What <see cref="StackBuilder"/> builds: a stack.toml's two images, tagged, optionally saved.</summary>
public sealed record StackBuildRequest
{
    /// <summary>The stack.toml.</summary>
    public required string StackFile { get; init; }

    /// <summary>The tag both images get.</summary>
    public string Tag { get; init; } = "latest";

    /// <summary>The images' name before <c>-build</c>/<c>-run</c>; null: <c>localhost/</c> and the stack id in lower case.</summary>
    public string? Name { get; init; }

    /// <summary>Where the build image is saved as an archive, or null.</summary>
    public string? BuildOutput { get; init; }

    /// <summary>Where the run image is saved as an archive, or null.</summary>
    public string? RunOutput { get; init; }

    /// <summary>The container CLI (<c>docker</c> or <c>podman</c>, or a path).</summary>
    public string Cli { get; init; } = "docker";
}
