namespace Buildpacks.Core.Diagnostics;

/// <summary>Codes for building custom stacks from stack.toml and checking builder.toml (BPK1210-BPK1229).</summary>
internal static partial class ErrorCodes
{
    /// <summary>stack.toml cannot be read, is not valid TOML, or a key has the wrong type.</summary>
    public const string StackFileInvalid = "BPK1210";
    /// <summary>stack.toml has no <c>id</c>, or one an image label cannot hold.</summary>
    public const string StackIdMissing = "BPK1211";
    /// <summary>A <c>uid</c> or <c>gid</c> in stack.toml is missing, zero (root) or not a number.</summary>
    public const string StackUserInvalid = "BPK1212";
    /// <summary>A <c>dockerfile</c> in stack.toml is missing or names no file.</summary>
    public const string StackDockerfileMissing = "BPK1213";
    /// <summary><c>docker build</c> of a stack image failed.</summary>
    public const string StackBuildFailed = "BPK1214";
    /// <summary><c>docker save</c> of a stack image failed.</summary>
    public const string StackSaveFailed = "BPK1215";
    /// <summary>builder.toml cannot be read, is not valid TOML, or lacks a key the check needs.</summary>
    public const string BuilderFileInvalid = "BPK1216";
    /// <summary>The builder's stack id is not the one its images are labelled with.</summary>
    public const string StackIdMismatch = "BPK1217";
    /// <summary>An image the builder names is not in the engine.</summary>
    public const string BuilderImageMissing = "BPK1218";
    /// <summary>A buildpack in the builder's order does not support the builder's stack.</summary>
    public const string BuildpackStackUnsupported = "BPK1219";
    /// <summary>stack.toml names platforms this build cannot make (more than one, or a malformed one).</summary>
    public const string StackPlatformUnsupported = "BPK1220";
}
