using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Staging;

namespace Buildpacks.Core.Ci;

/// <summary>
/// GitHub Actions workflow commands: collapsible groups, annotations, masks, step outputs in <c>$GITHUB_OUTPUT</c>
/// and a job summary in <c>$GITHUB_STEP_SUMMARY</c>. Buildpack output runs between <c>::stop-commands::TOKEN</c>
/// and <c>::TOKEN::</c> with a random token, so the runner reads none of it as a command; every command of ours
/// ends that pause first. Buildpack stderr goes to stdout too: the runner reads the two pipes on separate threads,
/// and only one stream keeps a line inside the pause it was printed in.
/// </summary>
internal sealed class GitHubActionsReporter(TextWriter output, TextWriter error, GitHubFileCommands files, Func<string> newToken)
    : CiReporter(output, error)
{
    private string? _token;
    private bool _paused;
    private bool _finished;

    /// <summary>The runner sets <c>GITHUB_ACTIONS=true</c> for every step.</summary>
    public static bool IsActive(Func<string, string?> environment) =>
        string.Equals(environment("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);

    public static GitHubActionsReporter Create(TextWriter output, TextWriter error, Func<string, string?> environment, Func<string>? newToken = null)
    {
        var tokens = newToken ?? RandomTokens.New;
        return new(output, error, GitHubFileCommands.FromEnvironment(environment, tokens), tokens);
    }

    public override void PhaseFinished(StagingPhase phase, string buildpack, TimeSpan duration)
    {
        Resume();
        base.PhaseFinished(phase, buildpack, duration);
    }

    public override void Output(string line, bool isStandardError)
    {
        Pause();
        Out.WriteLine(Indent + line);

        // A line that outlives the staging (a daemon the buildpack left behind) must not leave commands paused
        // for the rest of the step.
        if (_finished)
        {
            Resume();
        }
    }

    public override void BeginGroup(string title) => Command($"::group::{EscapeData(CommandGuard.Line(title))}");

    public override void EndGroup() => Command("::endgroup::");

    public override void Warning(BuildpackDiagnostic diagnostic) => Annotate("warning", diagnostic.Code, diagnostic.Message, diagnostic.File);

    public override void Error(string code, string message, string? file)
    {
        Annotate("error", code, message, file);
        _finished = true;
    }

    public override void SetOutput(string name, string value) => files.SetOutput(name, value);

    public override void AddSecrets(IEnumerable<string> secrets)
    {
        foreach (var secret in secrets)
        {
            Command($"::add-mask::{EscapeData(secret)}");
        }
    }

    public override void Staged(StagingResult result)
    {
        Resume();
        _finished = true;
        base.Staged(result);
        files.AppendSummary(StagingSummary.ToMarkdown(result));
    }

    protected override void Line(string text) => Out.WriteLine(CommandGuard.Line(text));

    private void Command(string line)
    {
        Resume();
        Out.WriteLine(line);
    }

    private void Pause()
    {
        if (!_paused)
        {
            _token ??= newToken();
            Out.WriteLine($"::stop-commands::{_token}");
            _paused = true;
        }
    }

    private void Resume()
    {
        if (_paused)
        {
            Out.WriteLine($"::{_token}::");
            _paused = false;
        }
    }

    private void Annotate(string kind, string code, string message, string? file)
    {
        var properties = $"title={EscapeProperty(code)}";
        if (!string.IsNullOrEmpty(file))
        {
            properties = $"file={EscapeProperty(file)},{properties}";
        }

        Command($"::{kind} {properties}::{EscapeData($"{code}: {message}")}");
    }

    private static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
