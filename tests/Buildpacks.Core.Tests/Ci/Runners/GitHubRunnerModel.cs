namespace Buildpacks.Core.Tests.Ci.Runners;

/// <summary>
/// Reads a step's output the way the GitHub Actions runner does (ActionCommandManager): a line is a command when,
/// after leading whitespace, it is <c>::name props::data</c>, or holds <c>##[name props]data</c> anywhere, and
/// the name is a registered command. After <c>::stop-commands::TOKEN</c> the only command is TOKEN itself, which
/// resumes. <c>::add-mask::</c> masks every later line. Other lines are printed, masked.
/// </summary>
public sealed class GitHubRunnerModel
{
    private static readonly string[] Registered =
        ["add-mask", "add-matcher", "add-path", "debug", "echo", "endgroup", "error", "group", "notice", "remove-matcher", "save-state", "set-env", "set-output", "stop-commands", "warning"];

    public List<RunnerCommand> Commands { get; } = [];

    public List<string> Printed { get; } = [];

    public List<string> Masks { get; } = [];

    public static GitHubRunnerModel Read(string output)
    {
        var model = new GitHubRunnerModel();
        string? stopToken = null;
        foreach (var line in RunnerLines.Split(output))
        {
            var registered = new HashSet<string>(Registered, StringComparer.OrdinalIgnoreCase);
            if (stopToken is not null)
            {
                registered.Add(stopToken);
            }

            var command = ParseV2(line, registered) ?? ParseV1(line, registered);
            if (command is null || (stopToken is not null && !string.Equals(command.Name, stopToken, StringComparison.OrdinalIgnoreCase)))
            {
                model.Printed.Add(RunnerLines.Mask(line, model.Masks));
                continue;
            }

            model.Commands.Add(command);
            if (stopToken is not null)
            {
                stopToken = null;
            }
            else if (command.Name == "stop-commands")
            {
                stopToken = command.Data;
            }
            else if (command.Name == "add-mask")
            {
                model.Masks.Add(command.Data);
            }
        }

        return model;
    }

    private static RunnerCommand? ParseV2(string line, HashSet<string> registered)
    {
        var message = line.TrimStart();
        if (!message.StartsWith("::", StringComparison.Ordinal))
        {
            return null;
        }

        var end = message.IndexOf("::", 2, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        var info = message[2..end];
        var space = info.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? info : info[..space];
        if (!registered.Contains(name))
        {
            return null;
        }

        var properties = RunnerLines.Properties(space > 0 ? info[(space + 1)..].Trim() : "", ',', UnescapeProperty);
        return new RunnerCommand(name, properties, UnescapeData(message[(end + 2)..]));
    }

    private static RunnerCommand? ParseV1(string line, HashSet<string> registered) =>
        RunnerLines.Bracketed(line, "##[", registered.Contains, value => value);

    private static string UnescapeData(string value) =>
        value.Replace("%0D", "\r", StringComparison.Ordinal).Replace("%0A", "\n", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal);

    private static string UnescapeProperty(string value) =>
        value.Replace("%0D", "\r", StringComparison.Ordinal).Replace("%0A", "\n", StringComparison.Ordinal)
            .Replace("%3A", ":", StringComparison.Ordinal).Replace("%2C", ",", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal);
}
