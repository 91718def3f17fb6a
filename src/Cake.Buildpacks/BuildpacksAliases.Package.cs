using Buildpacks.Core.Packaging;
using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.IO;

namespace Cake.Buildpacks;

public static partial class BuildpacksAliases
{
    /// <summary>
    /// Packages a buildpack directory into a zip as Cloud Foundry's buildpack-packager does; with
    /// <see cref="PackageOptions.Cached"/> its dependencies go inside, so staging with the zip needs no network.
    /// Relative paths are taken from the script's working directory; SOURCE_DATE_EPOCH sets the zip's timestamps.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="options">What to package: the buildpack directory, cached or not, the stack, the output zip.</param>
    /// <returns>The zip written, the manifest's warnings and the dependency summary.</returns>
    /// <exception cref="CakeException">The manifest is invalid or a dependency fails to download or verify (<c>BPK1400</c>-<c>BPK1439</c>); no zip is left.</exception>
    /// <example>
    /// <code>
    /// var package = BuildpackPackage(new PackageOptions { BuildpackDirectory = "./my-buildpack", Cached = true, Output = "./artifacts/my-buildpack.zip" });
    /// Information("Packaged {0}", package.Zip);
    /// </code>
    /// </example>
    [CakeMethodAlias]
    public static PackageResult BuildpackPackage(this ICakeContext context, PackageOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);

        string? Absolute(string? path) => path is null ? null : new FilePath(path).MakeAbsolute(context.Environment).FullPath;
        var absolute = options with
        {
            BuildpackDirectory = new DirectoryPath(options.BuildpackDirectory).MakeAbsolute(context.Environment).FullPath,
            Output = Absolute(options.Output),
            Manifest = Absolute(options.Manifest),
            DownloadCache = options.DownloadCache is null ? null : new DirectoryPath(options.DownloadCache).MakeAbsolute(context.Environment).FullPath,
            Timestamp = options.Timestamp ?? BuildpackPackager.TimestampFrom(context.Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH")),
        };
        return EngineCall.Run(cancellationToken => new BuildpackPackager(new CakeStagingLog(context.Log)).PackageAsync(absolute, cancellationToken));
    }
}
