namespace Buildpacks.Core.Diagnostics;

/// <summary>Codes of CI logging (BPK1120-BPK1129).</summary>
internal static partial class ErrorCodes
{
    /// <summary>A log format name is none of <c>auto</c>, <c>plain</c>, <c>github</c>, <c>azure</c>.</summary>
    public const string UnknownLogFormat = "BPK1120";

    /// <summary>A variable marked secret (<c>--secret-env</c>) is not one of the staging's variables.</summary>
    public const string UnknownSecretVariable = "BPK1121";

    /// <summary>A file the CI system gave for outputs or the job summary could not be written.</summary>
    public const string CiFileNotWritable = "BPK1122";
}
