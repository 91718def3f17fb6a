namespace Buildpacks.Core.Sources;

/// <summary>A buildpack ready to run: a writable directory of its own for this staging.</summary>
/// <param name="Key">The reference it was given as (a path or a URL, exactly as given).</param>
/// <param name="Directory">Its working copy's absolute path, as the engine sees it.</param>
/// <param name="DefaultName">The name to use when neither detect nor config.yml gives one.</param>
/// <param name="Version">Its version (a VERSION file, a resolved commit), when known.</param>
/// <param name="SourceDirectory">The user's own directory it was copied from, when it is local.</param>
internal sealed record ResolvedBuildpack(string Key, string Directory, string DefaultName, string? Version, string? SourceDirectory = null)
{
    /// <summary>What exactly ran: a content hash, a commit or an archive's sha256.</summary>
    public BuildpackIdentity? Identity { get; init; }

    /// <summary>The reference to show in logs and errors: credentials hidden.</summary>
    public string DisplayKey { get; init; } = Key;

    /// <summary>
    /// The path of a script as the user knows it, for error messages: the working copy is deleted when
    /// staging ends, so errors name the file in the user's buildpack directory when there is one.
    /// </summary>
    public string UserScript(string name) => Path.Combine(SourceDirectory ?? Directory, "bin", name);

    /// <summary>The path of a script in <c>bin/</c>.</summary>
    public string Script(string name) => Path.Combine(Directory, "bin", name);

    /// <summary>Whether <c>bin/NAME</c> exists.</summary>
    public bool HasScript(string name) => File.Exists(Script(name));
}
