using Buildpacks.Core.Files;
using Buildpacks.Core.Launching;
using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.IO;

namespace Cake.Buildpacks;

public static partial class BuildpacksAliases
{
    /// <summary>
    /// Starts a droplet the way the platform would (<c>.profile.d</c> scripts, exec.d programs, the process
    /// type's command) and returns at once with a handle; the app's output goes to Cake's log. For smoke tests:
    /// start, send requests, stop.
    /// </summary>
    /// <param name="context">The Cake context.</param>
    /// <param name="droplet">The droplet to run.</param>
    /// <param name="settings">Process type, port, environment and run directory; null uses <c>web</c> on port 8080.</param>
    /// <returns>The running app. Stop it (or dispose it): otherwise it is killed, without a graceful stop, when the Cake process ends.</returns>
    /// <exception cref="CakeException">The droplet cannot be extracted, has no such process type, or an exec.d program failed; the message starts with the code.</exception>
    /// <example>
    /// <code>
    /// using var app = DropletRun("./artifacts/HelloWeb.droplet.tgz", new DropletRunSettings().SetPort(8089));
    /// using var http = new System.Net.Http.HttpClient();
    /// var body = http.GetStringAsync(app.Url).GetAwaiter().GetResult();
    /// Information("GET / answered: {0}", body);
    /// var exitCode = app.Stop();
    /// </code>
    /// </example>
    [CakeMethodAlias]
    public static RunningDroplet DropletRun(this ICakeContext context, FilePath droplet, DropletRunSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(droplet);
        settings ??= new DropletRunSettings();

        var request = new LaunchRequest
        {
            DropletPath = droplet.MakeAbsolute(context.Environment).FullPath,
            ProcessType = settings.ProcessType,
            Port = settings.Port,
            Environment = new Dictionary<string, string>(settings.EnvironmentVariables, StringComparer.Ordinal),
            RunDirectory = settings.RunDirectory is null ? null : new DirectoryPath(settings.RunDirectory).MakeAbsolute(context.Environment).FullPath,
            ExtractionLimits = new ExtractionLimits { MaxBytes = settings.MaxExtractBytes, MaxEntries = settings.MaxExtractEntries },
        };
        var launched = EngineCall.Run(cancellation => new Launcher().StartAsync(request, new CakeLaunchLog(context.Log), cancellation));
        return new RunningDroplet(launched);
    }
}
