using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Buildpacks.Core.Execution;

/// <summary>
/// The one thread that forks every child process. Children are tied to our life with PR_SET_PDEATHSIG, and Linux
/// sends that signal when the *thread* that forked the child ends, not the process: a thread-pool thread that
/// retires while idle would kill a long compile. This thread lives as long as the process, so the signal comes
/// only when the process (the CLI, an MSBuild node, Cake) dies.
/// </summary>
internal static class ProcessStartThread
{
    private static readonly BlockingCollection<Action> Work = [];
    private static readonly Thread Thread = StartThread();

    /// <summary>Runs <paramref name="start"/> on the start thread and waits for it; its exception is rethrown here.</summary>
    public static void Run(Action start)
    {
        if (Thread.CurrentThread == Thread)
        {
            start();
            return;
        }

        ExceptionDispatchInfo? failure = null;
        using var done = new ManualResetEventSlim();
        Work.Add(() =>
        {
            try
            {
                start();
            }
            catch (Exception ex)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                done.Set();
            }
        });
        done.Wait();
        failure?.Throw();
    }

    private static Thread StartThread()
    {
        var thread = new Thread(() =>
        {
            foreach (var start in Work.GetConsumingEnumerable())
            {
                start();
            }
        })
        {
            IsBackground = true,
            Name = "buildpacks process start",
        };
        thread.Start();
        return thread;
    }
}
