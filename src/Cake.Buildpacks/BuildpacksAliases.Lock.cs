using Buildpacks.Core.Sources;
using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.IO;

namespace Cake.Buildpacks;

public static partial class BuildpacksAliases
{
    /// <summary>
    /// Resolves each buildpack now (a branch or tag to its commit, an archive to its sha256, a directory to its
    /// content hash) and writes them to the lock file, as <c>buildpacks lock</c> does. Stagings with that lock file
    /// use exactly these versions, and fail with BPK1152 when a source no longer serves them. Run it again to refresh.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="appDirectory">The app directory the lock belongs to; the lock file goes there unless the settings name one.</param>
    /// <param name="settings">The buildpacks to pin, the lock file, the buildpack cache and offline mode.</param>
    /// <returns>The lock written: its path and each entry's identity.</returns>
    /// <exception cref="CakeException">A buildpack cannot be resolved or the lock cannot be written; the message starts with the diagnostic code.</exception>
    /// <example>
    /// <code>
    /// var locked = BuildpackLock("./src/HelloWeb", new BuildpackLockSettings()
    ///     .WithBuildpack("https://github.com/cloudfoundry/dotnet-core-buildpack#v2.4.30"));
    /// Information("Locked into {0}", locked.Path);
    /// </code>
    /// </example>
    [CakeMethodAlias]
    public static BuildpackLock BuildpackLock(this ICakeContext context, DirectoryPath appDirectory, BuildpackLockSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(appDirectory);
        ArgumentNullException.ThrowIfNull(settings);

        var request = StagingBinding.Lock(appDirectory, settings, context.Environment);
        var log = new CakeStagingLog(context.Log);
        return EngineCall.Run(cancellationToken => StagingBinding.Engine(settings.BuildpackCacheRoot, settings.Offline, context.Environment).LockAsync(request, log, cancellationToken));
    }
}
