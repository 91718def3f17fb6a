using System.Globalization;

namespace Buildpacks.Core.Tests.Ci.Runners;

/// <summary>
/// Reads a task's output the way the Azure Pipelines agent and its log view do: a line holding <c>##vso[area.event
/// props]data</c> anywhere is a logging command (not printed; the first occurrence counts); a line starting with
/// <c>##[name]</c> is a formatting command of the log view (printed as a header, error, group...).
/// <c>task.setsecret</c> masks every later line. Other lines are printed, masked.
/// </summary>
public sealed class AzureAgentModel
{
    public List<RunnerCommand> Commands { get; } = [];

    public List<string> Formatting { get; } = [];

    public List<string> Printed { get; } = [];

    public List<string> Secrets { get; } = [];

    public static AzureAgentModel Read(string output)
    {
        var model = new AzureAgentModel();
        foreach (var line in RunnerLines.Split(output))
        {
            if (ParseLoggingCommand(line) is { } command)
            {
                model.Commands.Add(command);
                if (command.Name.Equals("task.setsecret", StringComparison.OrdinalIgnoreCase))
                {
                    model.Secrets.Add(command.Data);
                }

                continue;
            }

            var trimmed = line.TrimStart();
            if (CultureInfo.InvariantCulture.CompareInfo.IsPrefix(trimmed, "##[", CompareOptions.IgnoreCase))
            {
                var close = trimmed.IndexOf(']', StringComparison.Ordinal);
                model.Formatting.Add(close < 0 ? trimmed : trimmed[..(close + 1)]);
            }

            model.Printed.Add(RunnerLines.Mask(line, model.Secrets));
        }

        return model;
    }

    private static RunnerCommand? ParseLoggingCommand(string line)
    {
        var start = RunnerLines.Find(line, "##vso[", out var length);
        if (start < 0)
        {
            return null;
        }

        var close = line.IndexOf(']', start + length);
        if (close < 0)
        {
            return null;
        }

        var info = line[(start + length)..close];
        var space = info.IndexOf(' ', StringComparison.Ordinal);
        var name = space < 0 ? info : info[..space];
        if (name.Split('.', StringSplitOptions.RemoveEmptyEntries).Length != 2)
        {
            return null;
        }

        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (space > 0)
        {
            foreach (var pair in info[(space + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = pair.Split('=', 2, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2)
                {
                    properties[parts[0]] = Unescape(parts[1]);
                }
            }
        }

        return new RunnerCommand(name, properties, Unescape(line[(close + 1)..]));
    }

    // The agent's order: the others first, %AZP25 last, so %AZP253B stays %3B.
    private static string Unescape(string value) =>
        value.Replace("%3B", ";", StringComparison.Ordinal).Replace("%0D", "\r", StringComparison.Ordinal)
            .Replace("%0A", "\n", StringComparison.Ordinal).Replace("%5D", "]", StringComparison.Ordinal).Replace("%AZP25", "%", StringComparison.Ordinal);
}
