using System.Globalization;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Ci;

/// <summary>What every CI language shares: phases are groups, engine messages are <c>-----&gt;</c> lines, buildpack lines are indented.</summary>
internal abstract class CiReporter(TextWriter output, TextWriter error) : ICiReporter
{
    protected TextWriter Out { get; } = output;

    protected TextWriter Err { get; } = error;

    public void PhaseStarted(StagingPhase phase, string buildpack) => BeginGroup(phase.Title(buildpack));

    public virtual void PhaseFinished(StagingPhase phase, string buildpack, TimeSpan duration)
    {
        Out.WriteLine($"{phase.Title(buildpack)} took {Seconds(duration)}");
        EndGroup();
    }

    public void Output(string line, bool isStandardError) => (isStandardError ? Err : Out).WriteLine("       " + line);

    public void Info(string message) => Out.WriteLine("-----> " + message);

    public abstract void Warning(BuildpackDiagnostic diagnostic);

    public abstract void Error(string code, string message, string? file);

    public abstract void BeginGroup(string title);

    public abstract void EndGroup();

    public virtual void SetOutput(string name, string value)
    {
    }

    protected static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s";
}
