using System.Globalization;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Staging;

namespace Buildpacks.Core.Ci;

/// <summary>What every CI language shares: phases are groups, engine messages are <c>-----&gt;</c> lines, buildpack lines are indented.</summary>
internal abstract class CiReporter(TextWriter output, TextWriter error) : ICiReporter
{
    /// <summary>Buildpack lines are indented under the engine's <c>-----&gt;</c> headers, as on Heroku and Cloud Foundry.</summary>
    protected const string Indent = "       ";

    protected TextWriter Out { get; } = output;

    protected TextWriter Err { get; } = error;

    public virtual void PhaseStarted(StagingPhase phase, string buildpack) => BeginGroup(phase.Title(buildpack));

    public virtual void PhaseFinished(StagingPhase phase, string buildpack, TimeSpan duration)
    {
        Line($"{phase.Title(buildpack)} took {Seconds(duration)}");
        EndGroup();
    }

    public virtual void Output(string line, bool isStandardError) => (isStandardError ? Err : Out).WriteLine(Indent + line);

    public void Info(string message) => Line("-----> " + message);

    public void Text(string line) => Line(line);

    public abstract void Warning(BuildpackDiagnostic diagnostic);

    public abstract void Error(string code, string message, string? file);

    public abstract void BeginGroup(string title);

    public abstract void EndGroup();

    public virtual void SetOutput(string name, string value)
    {
    }

    public virtual void AddSecrets(IEnumerable<string> secrets)
    {
    }

    public virtual void Staged(StagingResult result)
    {
        foreach (var line in StagingSummary.Lines(result))
        {
            Line(line);
        }

        SetOutput("droplet", result.DropletPath);
        SetOutput("sha256", result.Sha256);
    }

    /// <summary>One line of the engine's own text; CI systems make sure it cannot act as a command.</summary>
    protected virtual void Line(string text) => Out.WriteLine(text);

    protected static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s";
}
