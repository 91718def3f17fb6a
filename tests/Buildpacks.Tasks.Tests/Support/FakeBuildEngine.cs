using System.Collections;
using Microsoft.Build.Framework;

namespace Buildpacks.Tasks.Tests.Support;

/// <summary>
/// A build engine for running one task without MSBuild: keeps every event with the thread it came from,
/// and answers "is this importance logged?" like a logger at <see cref="Verbosity"/> would.
/// </summary>
public sealed class FakeBuildEngine : IBuildEngine10
{
    private readonly List<LoggedEvent> _events = [];

    public FakeBuildEngine(string projectFile) => ProjectFileOfTaskNode = projectFile;

    /// <summary>The least important messages still logged: Low logs everything, High is like <c>-v:m</c>.</summary>
    public MessageImportance Verbosity { get; set; } = MessageImportance.Low;

    /// <summary>Called for every message as it is logged.</summary>
    public Action<BuildMessageEventArgs>? OnMessage { get; set; }

    public IReadOnlyList<LoggedEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<BuildErrorEventArgs> Errors => [.. Events.Select(e => e.Args).OfType<BuildErrorEventArgs>()];

    public IReadOnlyList<BuildWarningEventArgs> Warnings => [.. Events.Select(e => e.Args).OfType<BuildWarningEventArgs>()];

    public IReadOnlyList<BuildMessageEventArgs> Messages => [.. Events.Select(e => e.Args).OfType<BuildMessageEventArgs>()];

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode { get; }

    public bool IsRunningMultipleNodes => false;

    public bool AllowFailureWithoutError { get; set; }

    public EngineServices EngineServices => new VerbosityServices(this);

    public void LogErrorEvent(BuildErrorEventArgs e) => Add(e);

    public void LogWarningEvent(BuildWarningEventArgs e) => Add(e);

    public void LogMessageEvent(BuildMessageEventArgs e)
    {
        Add(e);
        OnMessage?.Invoke(e);
    }

    public void LogCustomEvent(CustomBuildEventArgs e) => Add(e);

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => throw new NotSupportedException();

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs, string toolsVersion) => throw new NotSupportedException();

    public bool BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, IDictionary[] targetOutputsPerProject, string[] toolsVersion, bool useResultsCache, bool unloadProjectsOnCompletion) => throw new NotSupportedException();

    public BuildEngineResult BuildProjectFilesInParallel(string[] projectFileNames, string[] targetNames, IDictionary[] globalProperties, IList<string>[] removeGlobalProperties, string[] toolsVersion, bool returnTargetOutputs) => throw new NotSupportedException();

    public void Yield()
    {
    }

    public void Reacquire()
    {
    }

    public void RegisterTaskObject(object key, object obj, RegisteredTaskObjectLifetime lifetime, bool allowEarlyCollection) => throw new NotSupportedException();

    public object GetRegisteredTaskObject(object key, RegisteredTaskObjectLifetime lifetime) => throw new NotSupportedException();

    public object UnregisterTaskObject(object key, RegisteredTaskObjectLifetime lifetime) => throw new NotSupportedException();

    public void LogTelemetry(string eventName, IDictionary<string, string> properties)
    {
    }

    public IReadOnlyDictionary<string, string> GetGlobalProperties() => new Dictionary<string, string>();

    public bool ShouldTreatWarningAsError(string warningCode) => false;

    public int RequestCores(int requestedCores) => 1;

    public void ReleaseCores(int coresToRelease)
    {
    }

    private void Add(BuildEventArgs e)
    {
        lock (_events)
        {
            _events.Add(new LoggedEvent(e, Environment.CurrentManagedThreadId));
        }
    }

    private sealed class VerbosityServices(FakeBuildEngine engine) : EngineServices
    {
        public override bool LogsMessagesOfImportance(MessageImportance importance) => importance <= engine.Verbosity;
    }
}
