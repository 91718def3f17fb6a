namespace Buildpacks.Core.Diagnostics;

/// <summary>Codes of what the app declares (<c>.buildpacks</c>, <c>manifest.yml</c>, hooks) and of platform profiles (BPK1300-BPK1339).</summary>
internal static partial class ErrorCodes
{
    /// <summary>A line of the app's <c>.buildpacks</c> file is not a buildpack reference.</summary>
    public const string BuildpacksFileInvalid = "BPK1300";

    /// <summary>The <c>export</c> file a buildpack left for the next one could not be sourced.</summary>
    public const string ExportFailed = "BPK1301";

    /// <summary>The Cloud Foundry manifest is not valid YAML, or one of its keys has the wrong type or value.</summary>
    public const string ManifestInvalid = "BPK1302";

    /// <summary>The manifest named does not exist, or the application asked for is not in it, or it has several and none was picked.</summary>
    public const string ManifestApplicationNotFound = "BPK1303";

    /// <summary>A pre-staging or post-staging hook exited non-zero.</summary>
    public const string HookFailed = "BPK1304";

    /// <summary>The app's <c>stackato.yml</c> is not valid YAML, or its <c>hooks</c> are not lists of commands.</summary>
    public const string StackatoInvalid = "BPK1305";

    /// <summary>The platform named is not one whose contract the engine knows.</summary>
    public const string InvalidPlatform = "BPK1306";
}
