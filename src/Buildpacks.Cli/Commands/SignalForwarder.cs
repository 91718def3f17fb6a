using System.Runtime.InteropServices;
using Buildpacks.Core.Launching;

namespace Buildpacks.Cli.Commands;

/// <summary>
/// Catches SIGINT and SIGTERM for the whole of <c>buildpacks run</c>. Before the process exists a signal cancels
/// the launch; from the moment it exists (a signal in between is kept and delivered then) every signal is passed
/// to it, and this command keeps running until the process ends, so the exit code is the process's.
/// </summary>
internal sealed class SignalForwarder : IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _beforeStart = new();
    private readonly PosixSignalRegistration[] _registrations;
    private LaunchedProcess? _process;
    private PosixSignal? _pending;

    public SignalForwarder()
    {
        _registrations = [Register(PosixSignal.SIGINT), Register(PosixSignal.SIGTERM)];
    }

    /// <summary>Cancelled by a signal that arrives before <see cref="Attach"/>.</summary>
    public CancellationToken BeforeStart => _beforeStart.Token;

    /// <summary>The exit code a shell reports for a command ended by the signal that cancelled the launch.</summary>
    public int InterruptedExitCode
    {
        get
        {
            lock (_gate)
            {
                return _pending == PosixSignal.SIGTERM ? 143 : 130;
            }
        }
    }

    /// <summary>From now on signals go to <paramref name="process"/>, starting with one that came in while it started.</summary>
    public void Attach(LaunchedProcess process)
    {
        lock (_gate)
        {
            _process = process;
            if (_pending is { } signal)
            {
                process.Signal(signal);
            }
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _beforeStart.Dispose();
    }

    private PosixSignalRegistration Register(PosixSignal signal) => PosixSignalRegistration.Create(signal, context =>
    {
        context.Cancel = true;
        lock (_gate)
        {
            if (_process is not null)
            {
                _process.Signal(signal);
                return;
            }

            _pending ??= signal;
        }

        _beforeStart.Cancel();
    });
}
