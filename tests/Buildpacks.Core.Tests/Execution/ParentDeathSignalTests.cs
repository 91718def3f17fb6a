using System.Diagnostics;
using Buildpacks.Core.Execution;
using Buildpacks.Core.Tests.Support;

namespace Buildpacks.Core.Tests.Execution;

public sealed class ParentDeathSignalTests
{
    [Fact]
    public void A_process_started_from_a_thread_that_then_ends_keeps_running()
    {
        // Linux sends the parent-death signal when the thread that forked the child ends: a thread-pool thread
        // retiring while idle would kill a long compile. Children are forked on a thread that never ends.
        Assert.NotEmpty(ParentDeathSignal.Prefix);
        Process? process = null;
        string? threadDirectory = null;
        var thread = new Thread(() =>
        {
            threadDirectory = "/proc/" + new FileInfo("/proc/thread-self").LinkTarget;
            (process, _) = BashProcess.Start("echo ready; exec sleep 300", "sleep", [], new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" }, "/", ownSession: false);

            // bash runs once setpriv has set the signal: only then can the thread's end fire it.
            Assert.Equal("ready", process.StandardOutput.ReadLine());
        });
        thread.Start();
        thread.Join();

        try
        {
            // The signal goes out as the thread exits, before the kernel drops it from /proc.
            for (var attempt = 0; attempt < 200 && Directory.Exists(threadDirectory); attempt++)
            {
                Thread.Sleep(50);
            }

            Assert.False(Directory.Exists(threadDirectory), "the starting thread did not end");
            Assert.True(ProcessState.IsRunning(process!.Id), "the process died with the thread that started it");
        }
        finally
        {
            process?.Kill();
            process?.Dispose();
        }
    }
}
