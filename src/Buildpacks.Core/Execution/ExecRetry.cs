namespace Buildpacks.Core.Execution;

/// <summary>
/// The bash wrapper that buildpack scripts and exec.d programs start through. exec fails with ETXTBSY ("Text file busy") while any
/// process still holds a write handle on the file: here, a child forked by another thread of this process in
/// the instant a buildpack or droplet was being written, before that child reached its own exec. The handle
/// goes away within milliseconds, so the wrapper retries for up to two seconds (bash's execfail keeps the shell
/// alive after a failed exec). Files that cannot run for another reason are reported before we start them.
/// </summary>
internal static class ExecRetry
{
    /// <summary>A <c>bash -c</c> script that runs <paramref name="execLine"/> (an <c>exec ...</c> command) until it stops failing with 126.</summary>
    public static string Wrap(string execLine) =>
        "shopt -s execfail 2>/dev/null; n=0; while :; do " + execLine + "; s=$?; " +
        "if [ $s -ne 126 ] || [ $n -ge 40 ]; then exit $s; fi; n=$((n+1)); sleep 0.05; done";
}
