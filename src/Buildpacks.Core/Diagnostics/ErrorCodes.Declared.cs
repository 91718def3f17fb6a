namespace Buildpacks.Core.Diagnostics;

/// <summary>Codes of what the app declares (<c>.buildpacks</c>, <c>manifest.yml</c>, hooks) and of platform profiles (BPK1300-BPK1339).</summary>
public static partial class ErrorCodes
{
    /// <summary>A line of the app's <c>.buildpacks</c> file is not a buildpack reference.</summary>
    public const string BuildpacksFileInvalid = "BPK1300";
    /// <summary>The <c>export</c> file a buildpack left for the next one could not be sourced.</summary>
    public const string ExportFailed = "BPK1301";
}
