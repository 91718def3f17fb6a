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

    // Area and event: a name with exactly one dot between two parts.
    private static RunnerCommand? ParseLoggingCommand(string line) =>
        RunnerLines.Bracketed(line, "##vso[", name => name.Split('.', StringSplitOptions.RemoveEmptyEntries).Length == 2, Unescape);

    // The agent's order: the others first, %AZP25 last, so %AZP253B stays %3B.
    private static string Unescape(string value) =>
        value.Replace("%3B", ";", StringComparison.Ordinal).Replace("%0D", "\r", StringComparison.Ordinal)
            .Replace("%0A", "\n", StringComparison.Ordinal).Replace("%5D", "]", StringComparison.Ordinal).Replace("%AZP25", "%", StringComparison.Ordinal);
}
