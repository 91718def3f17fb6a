namespace Buildpacks.Core.Sources;

/// <summary>One buildpack in the buildpack cache, as <c>buildpacks cache list</c> shows it.</summary>
/// <param name="Key">The entry's directory name under <c>entries/</c>.</param>
/// <param name="Reference">The reference it was fetched for, redacted (no credentials, no query string).</param>
/// <param name="Identity">The commit or archive digest it holds.</param>
/// <param name="Size">The bytes of its files.</param>
/// <param name="LastUsed">When a staging last copied it out (or when it was fetched).</param>
public sealed record BuildpackCacheEntry(string Key, string Reference, string Identity, long Size, DateTimeOffset LastUsed);
