namespace Buildpacks.Core.Requests;

/// <summary>What <c>buildpacks lock</c> pins: the references, resolved afresh, into one lock file.</summary>
/// <param name="LockFile">The lock file to write or refresh (absolute).</param>
/// <param name="References">The buildpack references, local ones as absolute paths.</param>
public sealed record LockRequest(string LockFile, IReadOnlyList<string> References);
