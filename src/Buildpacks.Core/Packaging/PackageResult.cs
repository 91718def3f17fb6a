using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Packaging;

/// <summary>What packaging produced.</summary>
/// <param name="Zip">The zip written.</param>
/// <param name="Warnings">Warnings of the manifest (past deprecation dates).</param>
/// <param name="Summary">The dependency table and default versions, as Markdown.</param>
public sealed record PackageResult(string Zip, IReadOnlyList<BuildpackDiagnostic> Warnings, string Summary);
