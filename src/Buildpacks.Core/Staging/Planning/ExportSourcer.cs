using System.Text;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Sources;

namespace Buildpacks.Core.Staging.Planning;

/// <summary>
/// Sources the <c>export</c> file a buildpack wrote beside its <c>bin/</c> the way Heroku's multi buildpack does (in
/// bash), through the host like any script, and reads back the environment it leaves.
/// </summary>
internal sealed class ExportSourcer(StagingWorkspace workspace)
{
    // As in the multi buildpack, only what the file exports reaches the next buildpack. The file's own output goes to
    // stderr, so stdout holds only the environment: NUL-separated, in base64 on one line, as values may span lines.
    private const string Script =
        "#!/usr/bin/env bash\n" +
        "source \"$1\" >&2 || exit $?\n" +
        "env -0 | base64 -w0\n";

    private static readonly string[] BashOwn = ["PWD", "OLDPWD", "SHLVL", "_"];

    private string? _script;

    /// <summary>The environment after sourcing the buildpack's export file; null when it wrote none.</summary>
    public async Task<Dictionary<string, string>?> SourceAsync(PhaseRunner phases, ResolvedBuildpack buildpack, CancellationToken cancellationToken)
    {
        var export = Path.Combine(buildpack.Directory, "export");
        if (!File.Exists(export))
        {
            return null;
        }

        var stdout = new StringBuilder();
        var outcome = await phases.RunEngineScriptAsync(
            StagingPhase.Compile,
            null,
            ScriptPath(),
            [export],
            (line, isError) =>
            {
                if (!isError)
                {
                    stdout.Append(line);
                }
            },
            cancellationToken).ConfigureAwait(false);
        if (outcome.ExitCode != 0)
        {
            throw new BuildpackException(
                ErrorCodes.ExportFailed,
                $"The export file buildpack '{buildpack.DefaultName}' left for the buildpacks after it failed when sourced (exit code {outcome.ExitCode}). " +
                "Its error output is in the log above; fix the buildpack's export file, or run the buildpack last.",
                Path.Combine(buildpack.SourceDirectory ?? buildpack.Directory, "export"),
                CfExitCodes.CompileFailed);
        }

        return Parse(stdout.ToString(), phases.Environment);
    }

    private static Dictionary<string, string> Parse(string base64, IReadOnlyDictionary<string, string> before)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in Encoding.UTF8.GetString(Convert.FromBase64String(base64.Trim())).Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                environment[entry[..equals]] = entry[(equals + 1)..];
            }
        }

        // What bash sets for itself stays as it was before the export.
        foreach (var name in BashOwn)
        {
            environment.Remove(name);
            if (before.TryGetValue(name, out var value))
            {
                environment[name] = value;
            }
        }

        return environment;
    }

    private string ScriptPath()
    {
        if (_script is null)
        {
            var path = Path.Combine(workspace.Root, "source-export");
            workspace.Write(() =>
            {
                File.WriteAllText(path, Script);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
                }
            });
            _script = path;
        }

        return _script;
    }
}
