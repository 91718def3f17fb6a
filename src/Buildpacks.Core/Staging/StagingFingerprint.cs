using System.Globalization;
using System.Security.Cryptography;
using Buildpacks.Core.Declared;
using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Sources;
using Buildpacks.Core.Staging.Planning;

namespace Buildpacks.Core.Staging;

/// <summary>
/// A hash of everything a staging reads: the app's files (names, modes, contents, links), the local
/// buildpacks' files, every field of the request that shapes what staging writes, and the engine itself.
/// The timeout is left out: it only bounds how long staging may run, and a staging that ran out of time
/// left no droplet, so the next build stages anyway. Two requests with the same
/// fingerprint stage the same droplet (buildpacks that download things aside), so a door can skip a
/// staging whose fingerprint has not changed since its droplet was written.
/// </summary>
/// <remarks>
/// Contents are hashed rather than time stamps: <c>dotnet publish</c> rewrites some files (web.config)
/// with the same bytes on every run, and a checkout touches files it does not change.
/// </remarks>
internal static class StagingFingerprint
{
    private const string FormatVersion = "buildpacks-fingerprint/1";

    /// <summary>The fingerprint of <paramref name="request"/> with the default engine's sources, <c>sha256:</c> and lower-case hex.</summary>
    public static string Compute(StagingRequest request) => BuildpackEngine.Default.ComputeFingerprint(request);

    /// <summary>The fingerprint, with each buildpack reference recorded with the identity its source gives without fetching.</summary>
    internal static string Compute(StagingRequest request, Func<string, BuildpackIdentity?> identify)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var writer = new FingerprintWriter(hash);
        writer.Record("format", FormatVersion);
        writer.Record("engine", typeof(StagingFingerprint).Assembly.ManifestModule.ModuleVersionId.ToString());

        writer.Record("manifest", request.ManifestPath is null ? "" : Path.GetFullPath(request.ManifestPath), request.ManifestApplication ?? "");
        var (declared, manifest) = DeclaredOrAsked(request);
        RecordBuildpacks(writer, "manifest-buildpack", manifest?.Buildpacks ?? [], identify);
        request = declared;
        var appDirectory = Path.GetFullPath(request.AppDirectory);
        var output = Path.GetFullPath(request.OutputPath);
        writer.Record("app", appDirectory);
        if (Directory.Exists(appDirectory))
        {
            writer.Tree(appDirectory, AppCopyFilter.Excluding(appDirectory, output));
        }

        RecordBuildpacks(writer, "buildpack", request.Buildpacks, identify);
        RecordBuildpacks(writer, "declared", Directory.Exists(appDirectory) ? AppBuildpacksFile.Read(appDirectory) ?? [] : [], identify);
        RecordBuildpacks(writer, "buildpack-url", BuildpackUrlSelection.Reference(request) is { } url ? [url] : [], identify);
        RecordBuildpacks(writer, "candidate", request.Candidates, identify);
        writer.Record("output", output);
        writer.Record("cache", request.CacheDirectory is null ? "" : Path.GetFullPath(request.CacheDirectory));
        foreach (var (name, value) in request.Environment.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.Record("env", name, value);
        }

        foreach (var (type, command) in request.ProcessTypes.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.Record("process", type, command);
        }

        writer.Record("stack", request.Stack);
        writer.Record("layout", request.Layout.ToString());
        writer.Record("procfile", request.ProcfileMode.ToString());
        writer.Record("result", request.ResultPath is null ? "" : Path.GetFullPath(request.ResultPath));
        writer.Record("timestamp", request.Timestamp?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) ?? "");
        writer.Record("application", request.ApplicationName ?? "");
        writer.Record("platform", request.Platform.ToString());
        foreach (var hook in request.PreStagingHooks)
        {
            writer.Record("pre-staging", hook);
        }

        foreach (var hook in request.PostStagingHooks)
        {
            writer.Record("post-staging", hook);
        }
        writer.Record("lock", request.LockFile is null ? "" : Path.GetFullPath(request.LockFile));
        writer.Record("stack-image", request.StackImage ?? "");

        // The engine falls back to the process's SOURCE_DATE_EPOCH for entry time stamps.
        writer.Record("source-date-epoch", System.Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH") ?? "");
        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // What the manifest changes is staged, so it is fingerprinted; a manifest that cannot be read leaves the request as
    // asked, and the staging itself reports what is wrong with it.
    private static (StagingRequest Request, ManifestApplication? Manifest) DeclaredOrAsked(StagingRequest request)
    {
        try
        {
            return AppManifest.Apply(request);
        }
        catch (BuildpackException)
        {
            return (request, null);
        }
    }

    // A local buildpack is recorded by its content hash. A remote one whose identity is not known without fetching
    // (a git branch) is recorded by its reference alone: pinning it (a commit, a lock file) is what makes it exact.
    private static void RecordBuildpacks(FingerprintWriter writer, string kind, IReadOnlyList<string> references, Func<string, BuildpackIdentity?> identify)
    {
        foreach (var reference in references)
        {
            writer.Record(kind, reference, identify(reference)?.ToString() ?? "");
        }
    }
}
