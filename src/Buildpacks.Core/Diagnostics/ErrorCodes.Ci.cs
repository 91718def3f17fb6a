namespace Buildpacks.Core.Diagnostics;

/// <summary>Codes of CI logging (BPK1120-BPK1124).</summary>
public static partial class ErrorCodes
{
    /// <summary>A log format name is none of <c>auto</c>, <c>plain</c>, <c>github</c>, <c>azure</c>.</summary>
    public const string UnknownLogFormat = "BPK1120";
}
