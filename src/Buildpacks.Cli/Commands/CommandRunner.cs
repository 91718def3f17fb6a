using Buildpacks.Core.Ci;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Cli.Commands;

/// <summary>Turns what a command throws into an exit code and one clear line.</summary>
internal static class CommandRunner
{
    /// <summary>The conventional exit code of a command stopped by Ctrl+C.</summary>
    public const int Interrupted = 130;

    public static async Task<int> RunAsync(ICiReporter reporter, Func<Task<int>> command)
    {
        try
        {
            return await command().ConfigureAwait(false);
        }
        catch (BuildpackException ex)
        {
            reporter.Error(ex.Code, ex.Message, ex.File);
            return ex.ExitCode;
        }
        catch (OperationCanceledException)
        {
            reporter.Error(ErrorCodes.Cancelled, "Staging was cancelled; the buildpack was stopped and no droplet was written.", null);
            return Interrupted;
        }
    }
}
