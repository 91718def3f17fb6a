using Buildpacks.Core.Requests;
using Buildpacks.Core.Staging;
using Cake.Common.Tools.DotNet.MSBuild;
using Cake.Common.Tools.DotNet.Publish;

namespace Cake.Buildpacks;

/// <summary>
/// Stages the published app with buildpacks as part of <c>dotnet publish</c>, through the <c>Buildpacks.Tasks</c>
/// MSBuild package (the project must reference it). Like Cake's own container settings, the options travel as
/// MSBuild properties on <see cref="DotNetPublishSettings.MSBuildSettings"/>.
/// </summary>
public static class DotNetPublishSettingsBuildpackExtensions
{
    /// <summary>
    /// Stages the app after publishing, with the given buildpack options (or the package's defaults).
    /// Creates <see cref="DotNetPublishSettings.MSBuildSettings"/> when not set and keeps its other properties;
    /// a second call replaces every staging property of the first.
    /// </summary>
    /// <param name="settings">The publish settings.</param>
    /// <param name="staging">The buildpack options; null keeps every default of the MSBuild package.</param>
    /// <returns>The same <see cref="DotNetPublishSettings"/> instance, for chaining.</returns>
    /// <example>
    /// <code>
    /// DotNetPublish("./src/HelloWeb/HelloWeb.csproj", new DotNetPublishSettings { Configuration = "Release" }
    ///     .WithBuildpackStaging(new BuildpackStagingSettings()
    ///         .WithBuildpack(MakeAbsolute(Directory("./buildpacks/dotnet")).FullPath)
    ///         .SetDropletPath(MakeAbsolute(File("./artifacts/HelloWeb.droplet.tgz")))
    ///         .SetLayout(DropletLayout.CloudFoundry)));
    /// </code>
    /// </example>
    public static DotNetPublishSettings WithBuildpackStaging(this DotNetPublishSettings settings, BuildpackStagingSettings? staging = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.MSBuildSettings ??= new DotNetMSBuildSettings();
        var properties = settings.MSBuildSettings.Properties;
        foreach (var name in BuildpackMSBuildProperties.All)
        {
            properties.Remove(name);
        }

        properties[BuildpackMSBuildProperties.StageWithBuildpack] = ["true"];
        if (staging is null)
        {
            return settings;
        }

        Set(properties, BuildpackMSBuildProperties.Buildpack, List(staging.Buildpacks));
        Set(properties, BuildpackMSBuildProperties.Candidates, List(staging.Candidates));
        Set(properties, BuildpackMSBuildProperties.Stack, staging.Stack);
        Set(properties, BuildpackMSBuildProperties.CacheDirectory, staging.CacheDirectory?.FullPath);
        Set(properties, BuildpackMSBuildProperties.DropletPath, staging.DropletPath?.FullPath);
        Set(properties, BuildpackMSBuildProperties.BuildpackCacheRoot, staging.BuildpackCacheRoot?.FullPath);
        Set(properties, BuildpackMSBuildProperties.Offline, staging.Offline ? "true" : null);
        Set(properties, BuildpackMSBuildProperties.LockFile, staging.LockFile?.FullPath);
        Set(properties, BuildpackMSBuildProperties.Layout, staging.Layout is { } layout ? StagingNames.LayoutName(layout) : null);
        Set(properties, BuildpackMSBuildProperties.Timeout, staging.Timeout is { } timeout ? DurationText.Format(timeout) : null);
        Set(properties, BuildpackMSBuildProperties.ProcfileMode, staging.ProcfileMode is { } mode ? StagingNames.ProcfileModeName(mode) : null);
        Set(properties, BuildpackMSBuildProperties.ApplicationName, staging.ApplicationName);
        Set(properties, BuildpackMSBuildProperties.ResultPath, staging.ResultPath?.FullPath);
        Set(properties, BuildpackMSBuildProperties.Timestamp, staging.Timestamp is { } timestamp ? StagingNames.TimestampText(timestamp) : null);
        Set(properties, BuildpackMSBuildProperties.Environment, AssignmentList.Join(staging.EnvironmentVariables));
        Set(properties, BuildpackMSBuildProperties.EnvironmentFile, List(staging.EnvironmentFiles.Select(file => file.FullPath)));
        Set(properties, BuildpackMSBuildProperties.ProcessTypes, AssignmentList.Join(staging.ProcessTypes));
        Set(properties, BuildpackMSBuildProperties.Manifest, staging.ManifestPath?.FullPath);
        Set(properties, BuildpackMSBuildProperties.ManifestApplication, staging.ManifestApplication);
        Set(properties, BuildpackMSBuildProperties.Platform, staging.Platform is { } platform ? StagingNames.PlatformName(platform) : null);
        Set(properties, BuildpackMSBuildProperties.PreStagingHooks, AssignmentList.JoinEntries(staging.PreStagingHooks));
        Set(properties, BuildpackMSBuildProperties.PostStagingHooks, AssignmentList.JoinEntries(staging.PostStagingHooks));
        Set(properties, BuildpackMSBuildProperties.StackImage, staging.StackImage);
        Set(properties, BuildpackMSBuildProperties.ContainerEngine, staging.ContainerEngine is { } engine ? StagingNames.ContainerEngineName(engine) : null);
        return settings;
    }

    // MSBuild reads a command-line value as escaped text (%3B is ';'), and Cake escapes ';', ',' and spaces but not
    // '%': escaping it here makes a '%' arrive as itself, and the %3B and %25 inside a variable list arrive as the
    // package's task expects them.
    private static void Set(IDictionary<string, ICollection<string>> properties, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            properties[name] = [value.Replace("%", "%25", StringComparison.Ordinal)];
        }
    }

    // One value joined with ';', not one value per buildpack: Cake writes several values as `/property:Buildpack=a;b`,
    // which MSBuild's command line reads as a second property named `b` and rejects. Joined, the ';' travels
    // escaped (%3B); MSBuild keeps it escaped, so the package's task receives the whole list as one string and
    // splits it on ';' itself.
    private static string List(IEnumerable<string> values) => string.Join(';', values);
}
