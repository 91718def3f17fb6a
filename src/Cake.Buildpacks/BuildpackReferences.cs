using Buildpacks.Core.Sources;
using Cake.Core;
using Cake.Core.IO;

namespace Cake.Buildpacks;

/// <summary>
/// Makes local buildpack directories absolute against Cake's working directory, which may differ from the
/// process's. Whether a reference is a local directory is the engine's call (<see cref="LocalDirectorySource"/>),
/// so URLs pass through untouched.
/// </summary>
internal static class BuildpackReferences
{
    private static readonly LocalDirectorySource Local = new();

    public static string[] MakeAbsolute(IEnumerable<string> references, ICakeEnvironment environment) =>
        [.. references.Select(reference => MakeAbsolute(reference, environment))];

    private static string MakeAbsolute(string reference, ICakeEnvironment environment) =>
        string.IsNullOrWhiteSpace(reference) || !Local.CanResolve(reference)
            ? reference
            : new DirectoryPath(reference).MakeAbsolute(environment).FullPath;
}
