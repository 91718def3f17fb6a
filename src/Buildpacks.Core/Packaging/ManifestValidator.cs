using System.Globalization;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Packaging;

/// <summary>Checks a manifest before anything is copied or downloaded, so a bad manifest fails fast and says which entry.</summary>
internal static class ManifestValidator
{
    /// <summary>Throws on the first error; returns warnings (past deprecation dates).</summary>
    /// <param name="manifest">The manifest.</param>
    /// <param name="stack">The stack packaged for; null for all stacks.</param>
    /// <param name="today">Today's date, for deprecation warnings.</param>
    public static IReadOnlyList<BuildpackDiagnostic> Validate(PackagerManifest manifest, string? stack, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        _ = manifest.Language;
        var dependencies = manifest.Dependencies;
        foreach (var twice in manifest.DefaultVersions.GroupBy(d => d.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            throw new BuildpackException(
                ErrorCodes.DefaultVersionTwice,
                $"The manifest '{manifest.File}' has {twice.Count()} default_versions entries for '{twice.Key}' ({string.Join(", ", twice.Select(d => d.Version))}). Keep one.",
                manifest.File);
        }

        foreach (var (name, version) in manifest.DefaultVersions)
        {
            if (!dependencies.Any(d => d.Name == name && d.Version == version && d.IsFor(stack)))
            {
                var listed = string.Join(", ", dependencies.Where(d => d.Name == name && d.IsFor(stack)).Select(d => d.Version));
                throw new BuildpackException(
                    ErrorCodes.DefaultVersionMissing,
                    $"The default version {version} of '{name}' is not listed under dependencies{(stack is null ? "" : $" for stack {stack}")} " +
                    $"(listed: {(listed.Length == 0 ? "none" : listed)}). Add that version, or change the default in '{manifest.File}'.",
                    manifest.File);
            }
        }

        foreach (var dependency in dependencies.Where(d => d.Sha256 is null && d.Md5 is null))
        {
            throw new BuildpackException(
                ErrorCodes.DependencyChecksumMissing,
                $"The dependency '{dependency.Name}' {dependency.Version} has no checksum. Add its sha256 (or md5) in '{manifest.File}'.",
                manifest.File);
        }

        var warnings = new List<BuildpackDiagnostic>();
        foreach (var (name, line, date) in manifest.DeprecationDates)
        {
            if (DateOnly.TryParse(date, CultureInfo.InvariantCulture, out var when) && when < today)
            {
                warnings.Add(new BuildpackDiagnostic(
                    ErrorCodes.DependencyDeprecated,
                    $"The dependency '{name}' {line} was deprecated on {date}. Move to a supported version line.",
                    manifest.File));
            }
        }

        return warnings;
    }
}
