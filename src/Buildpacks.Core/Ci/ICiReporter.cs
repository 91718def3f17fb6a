using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Staging;

namespace Buildpacks.Core.Ci;

/// <summary>
/// The engine's log in one CI system's language: phases as collapsible groups, errors and warnings as
/// annotations, results as outputs for later steps. Implementations write only to the writers and files they
/// are given, so any door can show them. Buildpack output can never act as a command of the CI system: GitHub
/// Actions gets it between stop-commands markers, Azure Pipelines gets it neutralised (see <c>CommandGuard</c>).
/// </summary>
internal interface ICiReporter : IStagingLog
{
    /// <summary>Starts a collapsible group of lines titled <paramref name="title"/>; plain text shows a header.</summary>
    void BeginGroup(string title);

    /// <summary>Ends the group <see cref="BeginGroup"/> started.</summary>
    void EndGroup();

    /// <summary>A failure, annotated on the file when there is one.</summary>
    void Error(string code, string message, string? file);

    /// <summary>Hands a result (droplet path, sha256) to later steps of the pipeline, where the CI system allows it.</summary>
    void SetOutput(string name, string value);

    /// <summary>A line of the door's own text (a report, a result): shown as it is, but never read as a command.</summary>
    void Text(string line);

    /// <summary>
    /// Tells the CI system to mask <paramref name="secrets"/> (see <see cref="KnownSecrets"/>) wherever they appear
    /// later in the log. Call it before staging starts, so the masks are in place before a buildpack prints.
    /// </summary>
    void AddSecrets(IEnumerable<string> secrets);

    /// <summary>
    /// A staging succeeded: prints the closing lines of <see cref="StagingSummary.Lines"/>, adds
    /// <see cref="StagingSummary.ToMarkdown"/> to the job summary where the CI system has one, and sets the outputs
    /// <c>droplet</c> and <c>sha256</c>.
    /// </summary>
    void Staged(StagingResult result);
}
