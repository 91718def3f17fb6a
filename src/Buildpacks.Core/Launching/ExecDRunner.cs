using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Execution;
using Buildpacks.Core.Toml;

namespace Buildpacks.Core.Launching;

/// <summary>
/// Runs one exec.d program and applies what it wrote to file descriptor 3. .NET cannot hand a child a descriptor
/// beyond stdio, so bash opens fd 3 on a temporary file and then replaces itself with the program: the program
/// gets argv[0] = its path as found (links not resolved, which helpers that dispatch on their name need), the
/// app directory as cwd, the environment built so far, and stdin from /dev/null (as the CNB lifecycle gives it).
/// </summary>
internal static class ExecDRunner
{
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    // fd 3 opened on the output file for the program, stdin from /dev/null.
    private static readonly string Wrapper = ExecRetry.Wrap("exec \"$0\" 3>\"$1\" </dev/null");

    public static async Task RunAsync(
        string programPath,
        string displayPath,
        IDictionary<string, string> environment,
        string workingDirectory,
        ILaunchLog log,
        CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(programPath) & AnyExecute) == 0)
        {
            throw new BuildpackException(
                ErrorCodes.ExecDNotExecutable,
                $"The exec.d program '{displayPath}' is not executable, so the launch stopped. Every file in an exec.d directory is run: " +
                "the buildpack that wrote it must 'chmod +x' it (or not put other files there); then restage.",
                programPath);
        }

        var output = Path.Combine(Path.GetTempPath(), $"buildpacks-exec.d-{Guid.NewGuid():N}.toml");
        try
        {
            var (started, _) = BashProcess.Start(Wrapper, programPath, [output], environment, workingDirectory, ownSession: false);
            using var process = started;
            var pumps = OutputPump.Start(process, log.Output);
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            await OutputPump.DrainAsync(pumps).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new BuildpackException(
                    ErrorCodes.ExecDFailed,
                    $"The exec.d program '{displayPath}' exited with code {process.ExitCode}, so the launch stopped. Its output is above; " +
                    "fix what it reports (or the buildpack that wrote it, then restage).",
                    programPath);
            }

            Apply(File.Exists(output) ? File.ReadAllText(output) : "", displayPath, programPath, environment);
        }
        finally
        {
            try
            {
                File.Delete(output);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Sets every <c>NAME = "value"</c> of an exec.d program's fd 3 output; anything but strings is an error.</summary>
    public static void Apply(string toml, string displayPath, string programPath, IDictionary<string, string> environment)
    {
        var table = TomlDocument.Parse(toml, problem => new BuildpackException(
            ErrorCodes.ExecDOutputInvalid,
            $"The exec.d program '{displayPath}' wrote invalid TOML to file descriptor 3 ({problem}), so the launch stopped. " +
            "An exec.d program writes only lines like NAME = \"value\" to fd 3.",
            programPath));

        var values = new List<(string Name, string Value)>();
        foreach (var (name, value) in table)
        {
            if (value is not string text)
            {
                throw new BuildpackException(
                    ErrorCodes.ExecDValueNotString,
                    $"The exec.d program '{displayPath}' set {name} to {TomlDocument.Describe(value)}, not a string, so the launch stopped. " +
                    $"Environment variables are strings: write {name} = \"...\" with quotes.",
                    programPath);
            }

            if (name.Length == 0 || name.Contains('=', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal) || text.Contains('\0', StringComparison.Ordinal))
            {
                throw new BuildpackException(
                    ErrorCodes.ExecDOutputInvalid,
                    $"The exec.d program '{displayPath}' wrote the variable \"{NameBeforeValue(name)}\", " +
                    "which no environment can hold (empty name, '=' in the name, or a NUL character), so the launch stopped. Only the name up to a '=' is shown: what follows may be a value.",
                    programPath);
            }

            values.Add((name, text));
        }

        // All or nothing: a program whose output is rejected changes no variable.
        foreach (var (name, text) in values)
        {
            environment[name] = text;
        }
    }

    private static string NameBeforeValue(string name)
    {
        var cut = name.AsSpan().IndexOfAny('=', '\0');
        return cut < 0 ? name : name[..cut];
    }
}
