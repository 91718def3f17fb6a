namespace Buildpacks.Core.Staging;

/// <summary>The result of detection over an ordered list of candidates.</summary>
/// <param name="Winner">The first candidate that detected the app, or null.</param>
/// <param name="WinnerName">The winner's display name (its detect output, else its directory name).</param>
/// <param name="Attempts">Every candidate that was asked, in order; candidates after the winner are not asked.</param>
public sealed record DetectionReport(string? Winner, string WinnerName, IReadOnlyList<DetectAttempt> Attempts);
