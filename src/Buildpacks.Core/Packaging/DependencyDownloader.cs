using System.Security.Cryptography;
using System.Text;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Packaging;

/// <summary>
/// Fetches dependencies through a download cache: a file already there (and matching its checksum) is not fetched
/// again unless forced. Every file handed out has been checked against the manifest's sha256 or md5.
/// </summary>
internal sealed class DependencyDownloader(HttpClient client, string cacheDirectory, bool force, IStagingLog log)
{
    /// <summary>The verified file of <paramref name="dependency"/> in the cache.</summary>
    public async Task<string> FetchAsync(ManifestDependency dependency, string manifestFile, CancellationToken cancellationToken)
    {
        var file = Path.Combine(cacheDirectory, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(dependency.Uri))), FileName(dependency.Uri));
        if (!force && File.Exists(file) && Matches(dependency, file))
        {
            log.Info($"Using {dependency.Name} {dependency.Version} from the download cache");
            return file;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var partial = file + ".partial-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            log.Info($"Downloading {dependency.Name} {dependency.Version} from {Redaction.RedactUrl(dependency.Uri)}");
            await DownloadAsync(dependency, partial, cancellationToken).ConfigureAwait(false);
            if (!Matches(dependency, partial))
            {
                var (kind, expected) = dependency.Sha256 is { } sha ? ("sha256", sha) : ("md5", dependency.Md5!);
                throw new BuildpackException(
                    ErrorCodes.DependencyChecksumMismatch,
                    $"The dependency '{dependency.Name}' {dependency.Version} downloaded from {Redaction.RedactUrl(dependency.Uri)} has {kind} {Checksum(dependency, partial)}, " +
                    $"but the manifest says {expected}. Check the uri and the checksum in '{manifestFile}'.",
                    manifestFile);
            }

            File.Move(partial, file, overwrite: true);
            return file;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>The last path segment of the uri, the name the file keeps in the zip.</summary>
    public static string FileName(string uri)
    {
        var name = Path.GetFileName(new Uri(uri).AbsolutePath);
        return name.Length == 0 ? "dependency" : name;
    }

    private async Task DownloadAsync(ManifestDependency dependency, string file, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(dependency.Uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw Failed(dependency, $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using var output = File.Create(file);
            await body.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw Failed(dependency, ex.Message);
        }
    }

    private static BuildpackException Failed(ManifestDependency dependency, string reason) => new(
        ErrorCodes.DependencyDownloadFailed,
        $"The dependency '{dependency.Name}' {dependency.Version} could not be downloaded from {Redaction.RedactUrl(dependency.Uri)}: {reason}. Check the uri in the manifest and that the server is reachable.");

    private static bool Matches(ManifestDependency dependency, string file) =>
        string.Equals(Checksum(dependency, file), dependency.Sha256 ?? dependency.Md5, StringComparison.OrdinalIgnoreCase);

    /// <summary>The file's checksum of the kind the manifest gives (sha256 preferred).</summary>
    private static string Checksum(ManifestDependency dependency, string file)
    {
        using var stream = File.OpenRead(file);
        return Hex(dependency.Sha256 is not null ? SHA256.HashData(stream) : MD5.HashData(stream));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
