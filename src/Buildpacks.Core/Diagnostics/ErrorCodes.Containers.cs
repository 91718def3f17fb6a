namespace Buildpacks.Core.Diagnostics;

/// <summary>Codes for staging inside a container of a stack image (BPK1200-BPK1239).</summary>
internal static partial class ErrorCodes
{
    /// <summary>The container CLI (<c>docker</c> or <c>podman</c>) is not installed or not on PATH.</summary>
    public const string ContainerCliMissing = "BPK1200";

    /// <summary>The container engine does not answer (no daemon, wrong DOCKER_HOST, unreachable remote engine).</summary>
    public const string ContainerEngineNotAnswering = "BPK1201";

    /// <summary>The container engine refused the connection (permission denied on its socket).</summary>
    public const string ContainerEngineRefused = "BPK1202";

    /// <summary>The stack image is not in the engine.</summary>
    public const string StackImageMissing = "BPK1203";

    /// <summary>The stack image names no non-root user (CNB_USER_ID/CNB_GROUP_ID) and none was given.</summary>
    public const string StackUserUnknown = "BPK1204";

    /// <summary>The staging container could not be created, started or prepared.</summary>
    public const string ContainerFailed = "BPK1205";

    /// <summary>A container setting is invalid (engine name, user).</summary>
    public const string ContainerSettingInvalid = "BPK1206";
}
