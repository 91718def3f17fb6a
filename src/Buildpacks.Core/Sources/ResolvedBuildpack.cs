namespace Buildpacks.Core.Sources;

/// <summary>A buildpack ready to run: a writable directory of its own for this staging.</summary>
/// <param name="Key">The reference it was given as (a path, later a URL).</param>
/// <param name="Directory">Its working copy's absolute path.</param>
/// <param name="DefaultName">The name to use when neither detect nor config.yml gives one.</param>
/// <param name="Version">Its version (a VERSION file, a resolved commit), when known.</param>
public sealed record ResolvedBuildpack(string Key, string Directory, string DefaultName, string? Version)
{
    /// <summary>The path of a script in <c>bin/</c>.</summary>
    public string Script(string name) => Path.Combine(Directory, "bin", name);

    /// <summary>Whether <c>bin/NAME</c> exists.</summary>
    public bool HasScript(string name) => File.Exists(Script(name));
}
