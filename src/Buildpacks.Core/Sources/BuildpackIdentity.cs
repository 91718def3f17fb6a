namespace Buildpacks.Core.Sources;

/// <summary>
/// What exactly a staging ran: the content hash of a local directory (<c>sha256:...</c>), a git commit
/// (<c>git:SHA</c>) or an archive's sha256. Two stagings with the same identities ran the same buildpack code.
/// </summary>
/// <param name="Kind">How the buildpack was pinned: <c>directory</c>, <c>git</c> or <c>archive</c>.</param>
/// <param name="Value">The pin: <c>sha256:HEX</c> for content, the full commit SHA for git.</param>
public sealed record BuildpackIdentity(string Kind, string Value)
{
    /// <inheritdoc />
    public override string ToString() => Kind == "git" ? "git:" + Value : Value;
}
