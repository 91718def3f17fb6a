using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;

namespace Buildpacks.Core.Sources;

/// <summary>
/// A buildpack in a local directory. It is copied, because buildpacks write next to themselves
/// (an <c>export</c> file read back by <c>bin/release</c>) and the user's copy must stay clean.
/// </summary>
public sealed class LocalDirectorySource : IBuildpackSource
{
    /// <inheritdoc />
    public bool CanResolve(string reference) =>
        !reference.Contains("://", StringComparison.Ordinal) && !reference.StartsWith("git@", StringComparison.Ordinal);

    /// <inheritdoc />
    public Task<ResolvedBuildpack> ResolveAsync(string reference, string destination, CancellationToken cancellationToken)
    {
        var source = Path.GetFullPath(reference);
        if (File.Exists(source))
        {
            throw new BuildpackException(
                ErrorCodes.BuildpackSourceUnsupported,
                $"The buildpack '{source}' is a file, not a directory. Archives (.tgz, .zip) are not supported yet: extract it and give the directory that contains bin/.",
                source);
        }

        if (!Directory.Exists(source))
        {
            throw new BuildpackException(
                ErrorCodes.BuildpackNotFound,
                $"The buildpack directory '{source}' does not exist. Give the path of a directory that contains bin/detect and bin/compile (or bin/supply, bin/finalize).",
                source);
        }

        if (!Directory.Exists(Path.Combine(source, "bin")))
        {
            throw new BuildpackException(
                ErrorCodes.BuildpackScriptMissing,
                $"'{source}' is not a buildpack: it has no bin/ directory. A buildpack needs bin/detect and bin/compile (or bin/supply, bin/finalize).",
                source);
        }

        DirectoryCopier.Copy(source, destination, relative => relative == ".git");
        var versionFile = Path.Combine(source, "VERSION");
        var version = File.Exists(versionFile) ? File.ReadAllText(versionFile).Trim() : null;
        var name = Path.GetFileName(source.TrimEnd(Path.DirectorySeparatorChar));
        return Task.FromResult(new ResolvedBuildpack(reference, destination, name, string.IsNullOrEmpty(version) ? null : version, source));
    }
}
