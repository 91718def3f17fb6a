using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Sources;

/// <summary>
/// A buildpack reference as the platforms accept them, parsed once: a local directory, a local archive file, a git
/// URL with an optional <c>#ref</c>, or an archive URL. <see cref="ToString"/> is the redacted display form, which never shows
/// credentials, so a reference can go into any log line or error as it is.
/// </summary>
internal sealed record BuildpackReference
{
    private static readonly string[] ArchiveSuffixes = [".tgz", ".tar.gz", ".tar", ".zip"];

    private static readonly string[] RemoteSchemes = ["https", "http", "ssh", "git"];

    private BuildpackReference(string original, BuildpackReferenceKind kind, string location, string? gitRef)
    {
        Original = original;
        Kind = kind;
        Location = location;
        Ref = gitRef;
    }

    /// <summary>The reference exactly as given (it may hold credentials: never log it).</summary>
    public string Original { get; }

    /// <summary>What the reference points at.</summary>
    public BuildpackReferenceKind Kind { get; }

    /// <summary>
    /// For a local directory or archive file its absolute path; otherwise the URL without its <c>#ref</c> (it may hold credentials).
    /// </summary>
    public string Location { get; }

    /// <summary>The branch, tag or commit after <c>#</c>, when one was given.</summary>
    public string? Ref { get; }

    /// <summary>
    /// Whether the whole location is secret (<c>secret:URL</c>, or <c>env:NAME</c> whose variable holds it): only
    /// <see cref="Display"/> may be shown, never a part of <see cref="Location"/>.
    /// </summary>
    public bool IsSecret { get; private init; }

    /// <summary>The form to show: user info and query string hidden, the <c>#ref</c> kept; a secret one as <c>secret:...</c> or <c>env:NAME</c>.</summary>
    public string Display => IsLocal && !IsSecret ? Location : Redaction.RedactUrl(Original);

    /// <summary>Whether the reference names something on this machine: a directory or an archive file.</summary>
    public bool IsLocal => Kind is BuildpackReferenceKind.LocalDirectory or BuildpackReferenceKind.LocalArchive;

    /// <summary>
    /// Parses a reference. Relative local paths are made absolute against <paramref name="baseDirectory"/>
    /// (the current directory when null). A URL is never resolved against anything.
    /// </summary>
    public static BuildpackReference Parse(string reference, string? baseDirectory = null)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            throw new BuildpackException(ErrorCodes.InvalidRequest, "A buildpack reference is empty. Give a directory path or a git or archive URL.");
        }

        var text = reference.Trim();
        if (text.StartsWith(Redaction.EnvironmentPrefix, StringComparison.Ordinal))
        {
            return FromEnvironment(reference, text[Redaction.EnvironmentPrefix.Length..], baseDirectory);
        }

        if (text.StartsWith(Redaction.SecretPrefix, StringComparison.Ordinal))
        {
            var secret = Parse(text[Redaction.SecretPrefix.Length..], baseDirectory);
            return new BuildpackReference(reference, secret.Kind, secret.Location, secret.Ref) { IsSecret = true };
        }

        if (text.StartsWith("git@", StringComparison.Ordinal))
        {
            var (location, gitRef) = SplitRef(text);
            return new BuildpackReference(reference, BuildpackReferenceKind.Git, location, gitRef);
        }

        if (text.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
            {
                throw new BuildpackException(
                    ErrorCodes.BuildpackSourceUnsupported,
                    $"The buildpack '{Redaction.RedactUrl(text)}' is not a valid URL. Write it as https://host/path[#ref], git@host:path[#ref] or a directory path.");
            }

            if (uri.IsFile)
            {
                // file:// names a local directory or archive, unless it names a git repository: a #ref, or a path ending in .git.
                var (fileUrl, fileRef) = SplitRef(text);
                return fileRef is not null || uri.AbsolutePath.TrimEnd('/').EndsWith(".git", StringComparison.OrdinalIgnoreCase)
                    ? new BuildpackReference(reference, BuildpackReferenceKind.Git, fileUrl, fileRef)
                    : Local(reference, Path.GetFullPath(uri.LocalPath));
            }

            if (!RemoteSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
            {
                throw new BuildpackException(
                    ErrorCodes.BuildpackSourceUnsupported,
                    $"The buildpack '{Redaction.RedactUrl(text)}' uses the scheme '{uri.Scheme}', which is not supported. Use https, http, ssh, git, file or a directory path.");
            }

            var (urlWithoutRef, fragment) = SplitRef(text);
            var isArchive = ArchiveSuffixes.Any(suffix => uri.AbsolutePath.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
            return new BuildpackReference(reference, isArchive ? BuildpackReferenceKind.Archive : BuildpackReferenceKind.Git, urlWithoutRef, fragment);
        }

        var path = Path.TrimEndingDirectorySeparator(baseDirectory is null ? Path.GetFullPath(text) : Path.GetFullPath(text, baseDirectory));
        return Local(reference, path.Length == 0 ? "/" : path);
    }

    /// <summary>Whether the text would parse as a local directory or archive file (not a URL, not <c>env:</c> or <c>secret:</c>), without checking that it exists.</summary>
    public static bool IsLocalPath(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var text = reference.TrimStart();
        return !text.Contains("://", StringComparison.Ordinal)
            && !text.StartsWith("git@", StringComparison.Ordinal)
            && !text.StartsWith(Redaction.EnvironmentPrefix, StringComparison.Ordinal)
            && !text.StartsWith(Redaction.SecretPrefix, StringComparison.Ordinal);
    }

    /// <summary>Free text (a git error, an exception message) with this reference's credentials hidden; for a secret one, its whole URL.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsSecret)
        {
            text = text.Replace(Location, Display, StringComparison.Ordinal);
            var path = Uri.TryCreate(Location, UriKind.Absolute, out var uri) ? uri.AbsolutePath.TrimEnd('/') : Location[(Location.IndexOf(':', StringComparison.Ordinal) + 1)..];

            // Tools print the URL in forms of their own (without the user info, with a trailing slash): hide its path in any.
            if (path.Length > 1)
            {
                text = text.Replace(path, "/***", StringComparison.Ordinal);
            }
        }

        return Redaction.RedactText(text, Original, Location);
    }

    /// <inheritdoc />
    public override string ToString() => Display;

    // The variable is read when the reference is parsed, so the URL lives only in the environment and in memory.
    private static BuildpackReference FromEnvironment(string reference, string name, string? baseDirectory)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new BuildpackException(
                ErrorCodes.BuildpackVariableNotSet,
                $"The buildpack reference '{Redaction.EnvironmentPrefix}{name}' does not name an environment variable. Write env:NAME, e.g. env:BUILDPACK_URL.");
        }

        var value = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new BuildpackException(
                ErrorCodes.BuildpackVariableNotSet,
                $"The buildpack reference 'env:{name}' reads the environment variable {name}, which is not set. Set {name} to the buildpack's URL (a CI secret, for example), or give the buildpack directly.");
        }

        var target = value.Trim();
        if (target.StartsWith(Redaction.EnvironmentPrefix, StringComparison.Ordinal) || target.StartsWith(Redaction.SecretPrefix, StringComparison.Ordinal))
        {
            target = target[(target.IndexOf(':', StringComparison.Ordinal) + 1)..];
        }

        var inner = Parse(target, baseDirectory);
        return new BuildpackReference(reference.Trim(), inner.Kind, inner.Location, inner.Ref) { IsSecret = true };
    }

    /// <summary>Whether a local path names an archive: its name ends in an archive suffix and it is not a directory.</summary>
    public static bool IsArchivePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ArchiveSuffixes.Any(suffix => path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) && !Directory.Exists(path);
    }

    // A directory named like an archive (checked out as my-buildpack.zip/) stays a directory.
    private static BuildpackReference Local(string reference, string path) =>
        new(reference, IsArchivePath(path) ? BuildpackReferenceKind.LocalArchive : BuildpackReferenceKind.LocalDirectory, path, null);

    private static (string Location, string? Ref) SplitRef(string text)
    {
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0)
        {
            return (text, null);
        }

        var gitRef = text[(hash + 1)..];
        return (text[..hash], gitRef.Length == 0 ? null : gitRef);
    }
}
