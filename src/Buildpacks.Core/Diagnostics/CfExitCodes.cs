namespace Buildpacks.Core.Diagnostics;

/// <summary>The exit codes Cloud Foundry's builder uses; doors that end a process use them too.</summary>
internal static class CfExitCodes
{
    /// <summary>Anything without a more specific code.</summary>
    public const int Other = 1;

    /// <summary>No buildpack detected the app.</summary>
    public const int NoneDetected = 222;

    /// <summary>Compile or finalize failed.</summary>
    public const int CompileFailed = 223;

    /// <summary>Release failed or printed invalid YAML.</summary>
    public const int ReleaseFailed = 224;

    /// <summary>Supply failed, or a supply buildpack has no bin/supply.</summary>
    public const int SupplyFailed = 225;

    /// <summary>A staging hook failed (ours: Cloud Foundry has no hooks, Stackato's are gone), next to CF's codes.</summary>
    public const int HookFailed = 226;
}
