using System.Runtime.InteropServices;
using Buildpacks.Core.Diagnostics;
using Cake.Core;

namespace Cake.Buildpacks;

/// <summary>
/// Runs one engine call for an alias: waits for it (Cake aliases are synchronous), stops it on Ctrl+C or
/// SIGTERM, and turns its failures into <see cref="CakeException"/> with the diagnostic code first: also a failure
/// nobody expected, as BPK1119 (Cake shows its stack trace only at diagnostic verbosity).
/// </summary>
internal static class EngineCall
{
    /// <summary>The engine's code for a staging stopped from outside; the CLI uses it too.</summary>
    internal const string CancelledCode = ErrorCodes.Cancelled;

    /// <summary>The conventional exit code of a program stopped by Ctrl+C.</summary>
    internal const int InterruptedExitCode = 130;

    public static T Run<T>(Func<CancellationToken, Task<T>> call)
    {
        using var cancellation = new CancellationTokenSource();
        // Buildpack scripts run in a process group of their own, so a terminal's Ctrl+C does not reach them:
        // while this call runs, the signal stops the staging (which stops the scripts) instead of the runner alone.
        using var interrupt = Register(PosixSignal.SIGINT, cancellation);
        using var terminate = Register(PosixSignal.SIGTERM, cancellation);
        try
        {
            return call(cancellation.Token).GetAwaiter().GetResult();
        }
        catch (BuildpackException ex)
        {
            throw ToCakeException(ex);
        }
        catch (OperationCanceledException ex)
        {
            throw new CakeException(
                InterruptedExitCode,
                $"{CancelledCode}: Staging was cancelled; the buildpack was stopped and no droplet was written.",
                ex);
        }
        catch (Exception ex) when (ex is not CakeException)
        {
            throw ToCakeException(BuildpackException.FromUnexpected(ex));
        }
    }

    /// <summary>Runs a quick synchronous engine call (no processes to stop), mapping its failures.</summary>
    public static T Run<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (BuildpackException ex)
        {
            throw ToCakeException(ex);
        }
        catch (Exception ex) when (ex is not (CakeException or OperationCanceledException))
        {
            throw ToCakeException(BuildpackException.FromUnexpected(ex));
        }
    }

    internal static CakeException ToCakeException(BuildpackException exception)
    {
        var file = string.IsNullOrEmpty(exception.File) ? "" : $" (file: {exception.File})";
        return new CakeException(exception.ExitCode, $"{exception.Code}: {exception.Message}{file}", exception);
    }

    private static PosixSignalRegistration? Register(PosixSignal signal, CancellationTokenSource cancellation)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        return PosixSignalRegistration.Create(signal, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });
    }
}
