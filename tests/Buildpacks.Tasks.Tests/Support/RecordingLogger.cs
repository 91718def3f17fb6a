using Microsoft.Build.Framework;

namespace Buildpacks.Tasks.Tests.Support;

/// <summary>An MSBuild logger that keeps every event of a build.</summary>
public sealed class RecordingLogger : ILogger
{
    private readonly List<BuildEventArgs> _events = [];

    public LoggerVerbosity Verbosity { get; set; } = LoggerVerbosity.Diagnostic;

    public string? Parameters { get; set; }

    public IReadOnlyList<BuildEventArgs> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public void Initialize(IEventSource eventSource)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        eventSource.AnyEventRaised += (_, e) =>
        {
            lock (_events)
            {
                _events.Add(e);
            }
        };
    }

    public void Shutdown()
    {
    }
}
