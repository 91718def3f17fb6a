using System.Collections.Concurrent;

namespace Buildpacks.Tasks;

/// <summary>
/// Runs work on the thread pool while its log writes run here, on the task's own thread, as they arrive:
/// MSBuild expects a task to log from the thread that executes it, and output must stream while the
/// buildpack runs, not after.
/// </summary>
internal sealed class LogPump : IDisposable
{
    private readonly BlockingCollection<Action> _pending = [];

    /// <summary>Queues a log write; writes that arrive after the work has ended are dropped.</summary>
    public void Post(Action write)
    {
        try
        {
            _pending.Add(write);
        }
        catch (InvalidOperationException)
        {
            // The work has completed: a process output line that raced its end has no reader left.
        }
    }

    /// <summary>Starts <paramref name="work"/>, performs queued writes until it ends, then returns its result or throws its exception.</summary>
    public T Run<T>(Func<Task<T>> work)
    {
        var running = Task.Run(work);
        running.ContinueWith(_ => _pending.CompleteAdding(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        foreach (var write in _pending.GetConsumingEnumerable())
        {
            write();
        }

        return running.GetAwaiter().GetResult();
    }

    public void Dispose() => _pending.Dispose();
}
