using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Ci;

/// <summary>
/// The engine's log in one CI system's language: phases as collapsible groups, errors and warnings as
/// annotations, results as outputs for later steps. Implementations write only to the writers and files they
/// are given, so any door can show them. Buildpack output lines pass through unchanged.
/// </summary>
public interface ICiReporter : IStagingLog
{
    /// <summary>Starts a collapsible group of lines titled <paramref name="title"/>; plain text shows a header.</summary>
    void BeginGroup(string title);

    /// <summary>Ends the group <see cref="BeginGroup"/> started.</summary>
    void EndGroup();

    /// <summary>A failure, annotated on the file when there is one.</summary>
    void Error(string code, string message, string? file);

    /// <summary>Hands a result (droplet path, sha256) to later steps of the pipeline, where the CI system allows it.</summary>
    void SetOutput(string name, string value);
}
