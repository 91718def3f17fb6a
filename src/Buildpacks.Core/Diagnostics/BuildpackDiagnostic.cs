namespace Buildpacks.Core.Diagnostics;

/// <summary>A warning raised during staging, shown by each door in its own way.</summary>
/// <param name="Code">The diagnostic code.</param>
/// <param name="Message">What happened and what to do.</param>
/// <param name="File">The file it is about, when there is one.</param>
public sealed record BuildpackDiagnostic(string Code, string Message, string? File = null);
