using Buildpacks.Core.Droplets;
using Buildpacks.Core.Requests;
using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.Diagnostics;
using Cake.Core.IO;

namespace Cake.Buildpacks;

public static partial class BuildpacksAliases
{
    /// <summary>Describes a droplet without extracting it: layout, process types, detected buildpack, size, SHA-256 and entries.</summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="droplet">The droplet (<c>.tgz</c>) to read: a Cloud Foundry droplet or a Heroku slug.</param>
    /// <returns>What the droplet holds.</returns>
    /// <exception cref="CakeException">The file is missing or not a droplet (<c>BPK1060</c>).</exception>
    /// <example>
    /// <code>
    /// var info = DropletInspect("./artifacts/HelloWeb.droplet.tgz");
    /// Information("{0}: {1} files, sha256 {2}", info.Layout, info.FileCount, info.Sha256);
    /// foreach (var process in info.ProcessTypes)
    /// {
    ///     Information("  {0}: {1}", process.Key, process.Value);
    /// }
    /// </code>
    /// </example>
    [CakeMethodAlias]
    public static DropletInfo DropletInspect(this ICakeContext context, FilePath droplet)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(droplet);

        var path = droplet.MakeAbsolute(context.Environment).FullPath;
        var info = EngineCall.Run(() => DropletInspector.Inspect(path));
        context.Log.Write(
            Verbosity.Verbose,
            LogLevel.Information,
            "Droplet {0}: {1} layout, {2} files, {3} bytes, sha256 {4}",
            info.Path,
            StagingNames.LayoutName(info.Layout),
            info.FileCount,
            info.Size,
            info.Sha256);
        return info;
    }
}
