using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;

namespace Buildpacks.Core.Sources;

/// <summary>
/// A buildpack in a local directory. It is copied, because buildpacks write next to themselves
/// (an <c>export</c> file read back by <c>bin/release</c>) and the user's copy must stay clean.
/// Its identity is the hash of its contents.
/// </summary>
internal sealed class LocalDirectorySource : IBuildpackSource
{
    /// <inheritdoc />
    public bool CanResolve(BuildpackReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Kind == BuildpackReferenceKind.LocalDirectory;
    }

    /// <inheritdoc />
    public Task<ResolvedBuildpack> ResolveAsync(BuildpackReference reference, string destination, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(context);
        var source = reference.Location;
        if (File.Exists(source))
        {
            throw new BuildpackException(
                ErrorCodes.BuildpackSourceUnsupported,
                $"The buildpack '{source}' is a file, not a directory, and its name does not end in an archive's (.zip, .tgz, .tar.gz, .tar). Give the directory that contains bin/, or a buildpack archive named for its kind.",
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

        DirectoryCopier.Copy(source, destination, IsGitDirectory);

        // Hashed from the working copy: the same files the scripts run from, read once more from our own copy.
        var identity = ContentIdentity(destination);
        if (context.Pins.GetValueOrDefault(reference.Original) is { } locked && locked != identity)
        {
            throw CachedResolution.NoLongerServed(reference, locked, identity, context);
        }

        var versionFile = Path.Combine(source, "VERSION");
        var version = File.Exists(versionFile) ? File.ReadAllText(versionFile).Trim() : null;
        var name = Path.GetFileName(source.TrimEnd(Path.DirectorySeparatorChar));
        return Task.FromResult(new ResolvedBuildpack(reference.Original, destination, name, string.IsNullOrEmpty(version) ? null : version, source)
        {
            Identity = identity,
            DisplayKey = reference.Display,
        });
    }

    /// <inheritdoc />
    public BuildpackIdentity? IdentifyWithoutFetching(BuildpackReference reference, SourceContext context)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Directory.Exists(reference.Location) ? ContentIdentity(reference.Location) : null;
    }

    private static BuildpackIdentity ContentIdentity(string directory) =>
        new("directory", DirectoryHash.Compute(directory, IsGitDirectory));

    private static bool IsGitDirectory(string relative) => relative == ".git";
}
