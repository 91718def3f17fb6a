using Buildpacks.Core.Launching;
using Cake.Core.Diagnostics;

namespace Cake.Buildpacks;

/// <summary>Shows the launcher's progress and the app's output in Cake's log, line by line.</summary>
internal sealed class CakeLaunchLog(ICakeLog log) : ILaunchLog
{
    public void Info(string message) => log.Write(Verbosity.Normal, LogLevel.Information, "-----> {0}", message);

    public void Output(string line, bool isStandardError) =>
        log.Write(Verbosity.Normal, isStandardError ? LogLevel.Warning : LogLevel.Information, "       {0}", line);
}
