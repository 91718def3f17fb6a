using System.Runtime.InteropServices;
using Buildpacks.Cli.Commands;

// Ctrl+C and SIGTERM cancel the command instead of killing this process: the engine then stops the
// buildpack's process group (which a terminal's Ctrl+C does not reach, as it runs in its own session)
// and removes its temporary files.
using var interrupted = new CancellationTokenSource();
void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    interrupted.Cancel();
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
return await CliApp.RunAsync(args, CliEnvironment.Console, interrupted.Token).ConfigureAwait(false);
