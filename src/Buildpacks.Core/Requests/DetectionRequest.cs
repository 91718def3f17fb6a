namespace Buildpacks.Core.Requests;

/// <summary>What a detection needs, checked: an existing app directory and at least one candidate, local ones as full paths.</summary>
/// <param name="AppDirectory">The app directory, a full path.</param>
/// <param name="Candidates">The candidates, in order.</param>
public sealed record DetectionRequest(string AppDirectory, IReadOnlyList<string> Candidates);
