namespace Buildpacks.Core.Stacks;

/// <summary>A Paketo-style stack.toml: a stack id and the build and run images made from Dockerfiles.</summary>
/// <param name="Path">The stack.toml file.</param>
/// <param name="Id">The stack id the images are labelled with (<c>io.buildpacks.stack.id</c>).</param>
/// <param name="Platforms">The platforms listed (at most one is built).</param>
/// <param name="Build">The build image.</param>
/// <param name="Run">The run image.</param>
internal sealed record StackDefinition(
    string Path,
    string Id,
    IReadOnlyList<string> Platforms,
    StackImageDefinition Build,
    StackImageDefinition Run);
