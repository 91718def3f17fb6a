namespace Buildpacks.Core.Sources;

/// <summary>Where a buildpack reference points.</summary>
internal enum BuildpackReferenceKind
{
    /// <summary>A directory on this machine, as a path or a <c>file://</c> URL.</summary>
    LocalDirectory,

    /// <summary>A git repository: <c>https://</c>, <c>http://</c>, <c>ssh://</c>, <c>git://</c> or <c>git@host:path</c>, with an optional <c>#ref</c>.</summary>
    Git,

    /// <summary>An archive URL: its path ends in <c>.tgz</c>, <c>.tar.gz</c>, <c>.tar</c> or <c>.zip</c>.</summary>
    Archive,

    /// <summary>An archive file on this machine (<c>.zip</c>, <c>.tgz</c>, <c>.tar.gz</c>, <c>.tar</c>), as a path or a <c>file://</c> URL.</summary>
    LocalArchive,
}
