namespace Buildpacks.Core.Diagnostics;

/// <summary>
/// Where the engine reports progress. Each door maps these calls to its own logger; the engine never
/// writes to the console. Calls may come from several threads but never overlap.
/// </summary>
public interface IStagingLog
{
    /// <summary>A phase starts; <paramref name="buildpack"/> is empty for engine phases such as packing.</summary>
    void PhaseStarted(StagingPhase phase, string buildpack);

    /// <summary>A phase ended.</summary>
    void PhaseFinished(StagingPhase phase, string buildpack, TimeSpan duration);

    /// <summary>One line a buildpack script printed, as it arrives.</summary>
    void Output(string line, bool isStandardError);

    /// <summary>A progress message of the engine itself.</summary>
    void Info(string message);

    /// <summary>Something the user should look at; staging goes on.</summary>
    void Warning(BuildpackDiagnostic diagnostic);
}
