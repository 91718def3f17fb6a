namespace Cake.Buildpacks;

/// <summary>The MSBuild properties of the <c>Buildpacks.Tasks</c> package; these names are its public contract.</summary>
public static class BuildpackMSBuildProperties
{
    /// <summary><c>true</c> stages the app after Publish.</summary>
    public const string StageWithBuildpack = "StageWithBuildpack";

    /// <summary>One buildpack or a <c>;</c> list: explicit mode, no detection.</summary>
    public const string Buildpack = "Buildpack";

    /// <summary>A <c>;</c> list of candidates for detection, in order.</summary>
    public const string Candidates = "BuildpackCandidates";

    /// <summary>The stack name.</summary>
    public const string Stack = "BuildpackStack";

    /// <summary>The cache directory kept between stagings.</summary>
    public const string CacheDirectory = "BuildpackCacheDirectory";

    /// <summary>The droplet to write.</summary>
    public const string DropletPath = "BuildpackDropletPath";

    /// <summary><c>cf</c> or <c>heroku</c>.</summary>
    public const string Layout = "BuildpackLayout";

    /// <summary>How long staging may take: <c>15m</c>, <c>00:15:00</c> or seconds.</summary>
    public const string Timeout = "BuildpackTimeout";

    /// <summary><c>merge</c> or <c>replace</c>.</summary>
    public const string ProcfileMode = "BuildpackProcfileMode";

    /// <summary>Every property above, for clearing them all at once.</summary>
    internal static readonly string[] All = [StageWithBuildpack, Buildpack, Candidates, Stack, CacheDirectory, DropletPath, Layout, Timeout, ProcfileMode];
}
