namespace Buildpacks.Core.Stacks;

/// <summary>One image of a stack.toml (<c>[build]</c> or <c>[run]</c>).</summary>
/// <param name="Dockerfile">The Dockerfile's full path; its folder is the build context.</param>
/// <param name="Uid">The stack user's uid (never 0).</param>
/// <param name="Gid">The stack user's gid (never 0).</param>
/// <param name="Shell">The stack user's login shell.</param>
/// <param name="Target">The Dockerfile stage to build, or null for the last one.</param>
/// <param name="Args">The build arguments (<c>[build.args]</c>), in file order.</param>
internal sealed record StackImageDefinition(
    string Dockerfile,
    long Uid,
    long Gid,
    string Shell,
    string? Target,
    IReadOnlyList<KeyValuePair<string, string>> Args);
