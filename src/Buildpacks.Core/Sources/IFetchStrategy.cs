namespace Buildpacks.Core.Sources;

/// <summary>How one kind of remote source pins and fetches, for <see cref="CachedResolution"/>.</summary>
internal interface IFetchStrategy
{
    /// <summary>Whether the last identity recorded for the same reference may be used without asking the remote.</summary>
    bool TrustsRecordedPin { get; }

    /// <summary>The identity the reference itself names (a full commit SHA), or null.</summary>
    BuildpackIdentity? Pinned(BuildpackReference reference);

    /// <summary>Asks the remote which identity the reference names now (one <c>git ls-remote</c>); null when it cannot say.</summary>
    Task<BuildpackIdentity?> CheckRemoteAsync(BuildpackReference reference, SourceContext context);

    /// <summary>Fetches the buildpack into the empty directory <paramref name="tree"/> and says what it fetched.</summary>
    Task<BuildpackIdentity> FetchAsync(BuildpackReference reference, string tree, SourceContext context);
}
