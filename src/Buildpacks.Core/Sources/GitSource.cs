using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Files;

namespace Buildpacks.Core.Sources;

/// <summary>
/// Buildpacks in git repositories, fetched with the user's <c>git</c>. A branch or tag is cloned shallowly; a
/// commit SHA (which <c>clone --branch</c> cannot take) is fetched in full and checked out; submodules come along.
/// The resolved commit is the identity. A full commit SHA already in the cache starts no git process; a branch or
/// tag is checked with one <c>git ls-remote</c>, so a moved tag is noticed.
/// </summary>
/// <param name="gitExecutable">The git program to run; <c>git</c> from PATH by default.</param>
internal sealed class GitSource(string gitExecutable = "git") : IBuildpackSource, IFetchStrategy
{
    private static readonly string[] HowToFix =
    [
        "Check that the URL is right and reachable from this machine, and that git can read it (credentials in the URL, a credential helper or an SSH key).",
    ];

    /// <inheritdoc />
    bool IFetchStrategy.TrustsRecordedPin => false;

    /// <inheritdoc />
    public bool CanResolve(BuildpackReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Kind == BuildpackReferenceKind.Git;
    }

    /// <inheritdoc />
    public Task<ResolvedBuildpack> ResolveAsync(BuildpackReference reference, string destination, SourceContext context) =>
        CachedResolution.ResolveAsync(reference, destination, context, this);

    /// <inheritdoc />
    public BuildpackIdentity? IdentifyWithoutFetching(BuildpackReference reference, SourceContext context) =>
        CachedResolution.Identify(reference, context, this);

    /// <inheritdoc />
    BuildpackIdentity? IFetchStrategy.Pinned(BuildpackReference reference) =>
        reference.Ref is { } gitRef && IsFullCommit(gitRef) ? new BuildpackIdentity("git", gitRef.ToLowerInvariant()) : null;

    /// <inheritdoc />
    async Task<BuildpackIdentity?> IFetchStrategy.CheckRemoteAsync(BuildpackReference reference, SourceContext context)
    {
        var git = new GitCli(gitExecutable, reference);
        var wanted = reference.Ref ?? "HEAD";
        var output = await git.RunAsync(
            [.. ProtocolOptions(reference), "ls-remote", "--", reference.Location, wanted, wanted + "^{}"],
            null,
            ErrorCodes.GitFetchFailed,
            HowToFix[0],
            context.CancellationToken).ConfigureAwait(false);
        var refs = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[1], parts => parts[0], StringComparer.Ordinal);

        // An annotated tag names a tag object; its peeled entry (^{}) names the commit.
        string[] candidates = reference.Ref is null
            ? ["HEAD"]
            : ["refs/heads/" + wanted, "refs/tags/" + wanted + "^{}", "refs/tags/" + wanted, wanted + "^{}", wanted];
        foreach (var candidate in candidates)
        {
            if (refs.TryGetValue(candidate, out var commit))
            {
                return new BuildpackIdentity("git", commit);
            }
        }

        if (reference.Ref is { } gitRef && LooksLikeCommit(gitRef))
        {
            // A commit, maybe abbreviated: only a full fetch can say which one.
            return null;
        }

        throw NotFound(reference);
    }

    /// <inheritdoc />
    async Task<BuildpackIdentity> IFetchStrategy.FetchAsync(BuildpackReference reference, string tree, SourceContext context)
    {
        var git = new GitCli(gitExecutable, reference);
        var clone = Path.Combine(Path.GetDirectoryName(tree)!, "clone");
        var protocol = ProtocolOptions(reference);
        var token = context.CancellationToken;
        if (reference.Ref is { } gitRef && LooksLikeCommit(gitRef) && !await IsBranchOrTagAsync(git, reference, gitRef, token).ConfigureAwait(false))
        {
            context.Log.Info($"Buildpack {reference.Display}: fetching the whole repository to check out commit {gitRef}");
            await git.RunAsync([.. protocol, "clone", "--no-checkout", "--quiet", "--", reference.Location, clone], null, ErrorCodes.GitFetchFailed, HowToFix[0], token).ConfigureAwait(false);
            var (exitCode, _, _) = await git.TryRunAsync(["-c", "advice.detachedHead=false", "checkout", "--quiet", "--detach", gitRef + "^{commit}"], clone, token).ConfigureAwait(false);
            if (exitCode != 0)
            {
                throw NotFound(reference);
            }

            await git.RunAsync([.. protocol, "submodule", "update", "--init", "--recursive", "--quiet"], clone, ErrorCodes.GitFetchFailed, HowToFix[0], token).ConfigureAwait(false);
        }
        else
        {
            List<string> arguments = [.. protocol, "clone", "--depth", "1", "--recurse-submodules", "--shallow-submodules", "--quiet"];
            if (reference.Ref is { } branch)
            {
                arguments.AddRange(["--branch", branch]);
            }

            await git.RunAsync([.. arguments, "--", reference.Location, clone], null, ErrorCodes.GitFetchFailed, HowToFix[0], token).ConfigureAwait(false);
        }

        var commit = (await git.RunAsync(["rev-parse", "HEAD"], clone, ErrorCodes.GitFetchFailed, HowToFix[0], token).ConfigureAwait(false)).Trim();
        DirectoryCopier.Copy(clone, tree, relative => relative == ".git" || relative.EndsWith("/.git", StringComparison.Ordinal));
        context.Log.Info($"Buildpack {reference.Display}: resolved to commit {commit}");
        return new BuildpackIdentity("git", commit);
    }

    private static bool IsFullCommit(string gitRef) => gitRef.Length is 40 or 64 && gitRef.All(char.IsAsciiHexDigit);

    private static bool LooksLikeCommit(string gitRef) => gitRef.Length is >= 7 and <= 64 && gitRef.All(char.IsAsciiHexDigit);

    // A repository given as file:// is the user's own disk: its submodules may be local too, which git otherwise refuses.
    private static string[] ProtocolOptions(BuildpackReference reference) =>
        reference.Location.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? ["-c", "protocol.file.allow=always"] : [];

    private static async Task<bool> IsBranchOrTagAsync(GitCli git, BuildpackReference reference, string gitRef, CancellationToken token)
    {
        var output = await git.RunAsync([.. ProtocolOptions(reference), "ls-remote", "--", reference.Location, gitRef], null, ErrorCodes.GitFetchFailed, HowToFix[0], token).ConfigureAwait(false);
        return output.Split('\n').Any(line => line.EndsWith("/heads/" + gitRef, StringComparison.Ordinal) || line.EndsWith("/tags/" + gitRef, StringComparison.Ordinal));
    }

    private static BuildpackException NotFound(BuildpackReference reference) => new(
        ErrorCodes.GitRefNotFound,
        $"The buildpack '{reference.Display}' names '{reference.Ref}', which is no branch, tag or commit of that repository. " +
        "Give an existing branch, tag or commit SHA after '#' (git ls-remote URL lists them), or leave '#...' out for the default branch.");
}
