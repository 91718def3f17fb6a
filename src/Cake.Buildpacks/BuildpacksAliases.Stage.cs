using Buildpacks.Core.Staging;
using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.IO;

namespace Cake.Buildpacks;

public static partial class BuildpacksAliases
{
    /// <summary>
    /// Stages an app directory (for .NET, the publish folder) into a droplet with v2 buildpacks.
    /// Buildpack output goes to the log line by line as it runs. On GitHub Actions and Azure Pipelines the staging
    /// speaks the runner's language instead, as the <c>buildpacks</c> command does: a group per phase, secrets masked,
    /// buildpack output unable to issue commands, errors annotated, outputs <c>droplet</c> and <c>sha256</c> and a job summary.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="appDirectory">The app directory to stage. It is copied; the original is never modified.</param>
    /// <param name="settings">
    /// The buildpacks (explicit, or candidates to detect over), the droplet path and the other staging options.
    /// </param>
    /// <returns>The droplet's path, SHA-256, size, layout, detected buildpack and process types.</returns>
    /// <exception cref="CakeException">
    /// Staging failed; the message starts with the diagnostic code (e.g. <c>BPK1021</c> when <c>bin/compile</c>
    /// failed) and says what to do. <see cref="CakeException.ExitCode"/> is Cloud Foundry's exit code where
    /// one applies (222 nothing detected, 223 compile failed, 224 release failed, 225 supply failed).
    /// </exception>
    /// <example>
    /// <code>
    /// DotNetPublish("./src/HelloWeb/HelloWeb.csproj", new DotNetPublishSettings { Configuration = "Release", OutputDirectory = "./artifacts/publish" });
    /// var droplet = BuildpackStage("./artifacts/publish", new BuildpackStageSettings()
    ///     .WithBuildpack("./buildpacks/dotnet")
    ///     .SetDropletPath("./artifacts/HelloWeb.droplet.tgz")
    ///     .SetCacheDirectory("./.buildpacks-cache")
    ///     .WithEnvironmentVariable("ASPNETCORE_ENVIRONMENT", "Staging"));
    /// Information("{0} sha256 {1}, web: {2}", droplet.DropletPath, droplet.Sha256, droplet.StartCommand);
    /// </code>
    /// </example>
    [CakeMethodAlias]
    public static StagingResult BuildpackStage(this ICakeContext context, DirectoryPath appDirectory, BuildpackStageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(appDirectory);
        ArgumentNullException.ThrowIfNull(settings);

        var request = StagingBinding.Stage(appDirectory, settings, context.Environment);
        return CakeCiStaging.Stage(context, StagingBinding.Engine(settings.BuildpackCacheRoot, settings.Offline, context.Environment), request, Console.Out, settings.SecretVariables);
    }
}
