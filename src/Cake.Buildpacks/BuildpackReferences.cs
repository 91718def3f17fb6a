using Buildpacks.Core.Sources;
using Cake.Core;
using Cake.Core.IO;

namespace Cake.Buildpacks;

/// <summary>
/// Makes local buildpack directories absolute against Cake's working directory, which may differ from the
/// process's. Whether a reference is a local directory is the engine's call (<see cref="BuildpackReference.IsLocalPath"/>),
/// so URLs pass through untouched.
/// </summary>
internal static class BuildpackReferences
{
    public static string[] MakeAbsolute(IEnumerable<string> references, ICakeEnvironment environment) =>
        [.. references.Select(reference => MakeAbsolute(reference, environment))];

    private static string MakeAbsolute(string reference, ICakeEnvironment environment) =>
        string.IsNullOrWhiteSpace(reference) || !BuildpackReference.IsLocalPath(reference)
            ? reference
            : new DirectoryPath(reference).MakeAbsolute(environment).FullPath;
}
