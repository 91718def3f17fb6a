using Buildpacks.Core.Launching;

namespace Buildpacks.Core.Tests.Support;

/// <summary>Keeps what a launch logged: the launcher's messages and the process's output lines.</summary>
public sealed class RecordingLaunchLog : ILaunchLog
{
    private readonly List<string> _info = [];
    private readonly List<string> _output = [];
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Info => Snapshot(_info);

    /// <summary>Lines the programs and the process wrote to stdout.</summary>
    public IReadOnlyList<string> Output => Snapshot(_output);

    /// <summary>Lines the programs and the process wrote to stderr.</summary>
    public IReadOnlyList<string> Errors => Snapshot(_errors);

    void ILaunchLog.Info(string message) => Add(_info, message);

    void ILaunchLog.Output(string line, bool isStandardError) => Add(isStandardError ? _errors : _output, line);

    /// <summary>The value of the last <c>NAME=value</c> line the process printed.</summary>
    public string? Printed(string name) =>
        Output.LastOrDefault(line => line.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];

    private static List<string> Snapshot(List<string> lines)
    {
        lock (lines)
        {
            return [.. lines];
        }
    }

    private static void Add(List<string> lines, string line)
    {
        lock (lines)
        {
            lines.Add(line);
        }
    }
}
