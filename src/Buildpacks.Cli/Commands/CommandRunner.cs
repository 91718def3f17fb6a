using Buildpacks.Core.Ci;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Cli.Commands;

/// <summary>
/// Turns what a command throws into an exit code and one clear coded line. Nothing reaches the user as a stack
/// trace: a failure nobody expected is reported as BPK1119 (or BPK1078 for the file system) with its message, and
/// the stack trace follows only when BUILDPACKS_DEBUG is set.
/// </summary>
internal static class CommandRunner
{
    /// <summary>The conventional exit code of a command stopped by Ctrl+C.</summary>
    public const int Interrupted = 130;

    /// <summary>The variable that adds the stack trace of a failure below its coded line.</summary>
    public const string DebugVariable = "BUILDPACKS_DEBUG";

    public static async Task<int> RunAsync(CliEnvironment cli, ICiReporter reporter, Func<Task<int>> command)
    {
        try
        {
            return await command().ConfigureAwait(false);
        }
        catch (BuildpackException ex)
        {
            return Report(cli, reporter, ex);
        }
        catch (OperationCanceledException)
        {
            reporter.Error(ErrorCodes.Cancelled, "Staging was cancelled; the buildpack was stopped and no droplet was written.", null);
            return Interrupted;
        }
        catch (Exception ex)
        {
            return Report(cli, reporter, BuildpackException.FromUnexpected(ex));
        }
    }

    private static int Report(CliEnvironment cli, ICiReporter reporter, BuildpackException error)
    {
        var debug = cli.Variables(DebugVariable) is "1" or "true" or "True" or "TRUE";
        var hint = error.Code == ErrorCodes.InternalError && !debug ? $" Set {DebugVariable}=1 to see the stack trace." : "";
        reporter.Error(error.Code, error.Message + hint, error.File);
        if (debug && error.InnerException is { } cause)
        {
            cli.Error.WriteLine(cause.ToString());
        }

        return error.ExitCode;
    }
}
