using System.Globalization;
using Cake.Core.Diagnostics;

namespace Cake.Buildpacks.Tests.Support;

/// <summary>Keeps every log line, formatted the way Cake formats them (a composite format string and its arguments).</summary>
public sealed class FakeCakeLog : ICakeLog
{
    private readonly List<FakeLogEntry> _entries = [];

    public Verbosity Verbosity { get; set; } = Verbosity.Diagnostic;

    public IReadOnlyList<FakeLogEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IReadOnlyList<string> Lines => [.. Entries.Select(e => e.Text)];

    /// <summary>Called for each line as it is written, on the writer's thread.</summary>
    public Action<FakeLogEntry>? OnWrite { get; set; }

    public void Write(Verbosity verbosity, LogLevel level, string format, params object[] args)
    {
        var text = string.Format(CultureInfo.InvariantCulture, format, args);
        var entry = new FakeLogEntry(verbosity, level, text);
        lock (_entries)
        {
            _entries.Add(entry);
        }

        OnWrite?.Invoke(entry);
    }
}
