using System.Globalization;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Cli.Reporting;

/// <summary>
/// Shows the engine's log on a console. Subclasses speak one CI system's language for groups,
/// annotations and step outputs; buildpack output lines pass through unchanged.
/// </summary>
internal abstract class Reporter(TextWriter output, TextWriter error) : IStagingLog
{
    protected TextWriter Out { get; } = output;

    protected TextWriter Err { get; } = error;

    public virtual void PhaseStarted(StagingPhase phase, string buildpack) => Out.WriteLine($"-----> {Title(phase, buildpack)}");

    public virtual void PhaseFinished(StagingPhase phase, string buildpack, TimeSpan duration) =>
        Out.WriteLine($"-----> {Title(phase, buildpack)} took {Seconds(duration)}");

    public void Output(string line, bool isStandardError) => (isStandardError ? Err : Out).WriteLine("       " + line);

    public void Info(string message) => Out.WriteLine("-----> " + message);

    public abstract void Warning(BuildpackDiagnostic diagnostic);

    public abstract void Error(string code, string message, string? file);

    /// <summary>Hands a result (droplet path, sha256) to later steps of the pipeline, where the CI system allows it.</summary>
    public virtual void SetOutput(string name, string value)
    {
    }

    protected static string Title(StagingPhase phase, string buildpack) => phase.Title(buildpack);

    protected static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s";
}
