using System.Globalization;
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
        Set(properties, BuildpackMSBuildProperties.Layout, staging.Layout switch
        {
            null => null,
            DropletLayout.Heroku => "heroku",
            _ => "cf",
        });
        Set(properties, BuildpackMSBuildProperties.Timeout, staging.Timeout?.ToString("c", CultureInfo.InvariantCulture));
        Set(properties, BuildpackMSBuildProperties.ProcfileMode, staging.ProcfileMode switch
        {
            null => null,
            ProcfileMode.ReplaceDefaults => "replace",
            _ => "merge",
        });
        return settings;
    }

    private static void Set(IDictionary<string, ICollection<string>> properties, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            properties[name] = [value];
        }
    }

    // One value joined with ';', not one value per buildpack: Cake writes several values as `/property:Buildpack=a;b`,
    // which MSBuild's command line reads as a second property named `b` and rejects. Joined, the ';' travels
    // escaped (%3B); MSBuild keeps it escaped, so the package's task receives the whole list as one string and
    // splits it on ';' itself.
    private static string List(IList<string> values) => string.Join(';', values);
}
