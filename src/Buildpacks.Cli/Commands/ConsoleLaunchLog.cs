using Buildpacks.Core.Ci;
using Buildpacks.Core.Launching;

namespace Buildpacks.Cli.Commands;

/// <summary>The launcher's messages in the reporter's style; the app's own output passes through untouched.</summary>
internal sealed class ConsoleLaunchLog(ICiReporter reporter, TextWriter output, TextWriter error) : ILaunchLog
{
    public void Info(string message) => reporter.Info(message);

    public void Output(string line, bool isStandardError) => (isStandardError ? error : output).WriteLine(line);
}
