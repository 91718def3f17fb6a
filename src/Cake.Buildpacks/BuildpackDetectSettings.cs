namespace Cake.Buildpacks;

/// <summary>Settings for <see cref="BuildpacksAliases.BuildpackDetect(Cake.Core.ICakeContext, Cake.Core.IO.DirectoryPath, BuildpackDetectSettings)"/>.</summary>
public sealed class BuildpackDetectSettings
{
    /// <summary>
    /// The candidate buildpacks, in order; the first whose <c>bin/detect</c> exits 0 applies.
    /// Directories are relative to the working directory or absolute.
    /// </summary>
    public IList<string> Candidates { get; } = [];
}
