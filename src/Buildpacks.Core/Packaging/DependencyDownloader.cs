using System.Security.Cryptography;
using System.Text;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Packaging;

/// <summary>
/// Fetches dependencies through a download cache: a file already there (and matching its checksum) is not fetched
/// again unless forced. Every file handed out has been checked against the manifest's sha256 or md5.
/// </summary>
internal sealed class DependencyDownloader(HttpClient client, string cacheDirectory, PackageOptions options, IStagingLog log)
{
    /// <summary>The verified file of <paramref name="dependency"/> in the cache.</summary>
    public async Task<string> FetchAsync(ManifestDependency dependency, string manifestFile, CancellationToken cancellationToken)
    {
        var file = Path.Combine(cacheDirectory, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(dependency.Uri))), FileName(dependency.Uri));
        if (!options.ForceDownload && File.Exists(file) && Matches(dependency, file))
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

    /// <summary>
    /// Downloads with bounded retries: a refused or reset connection, a 5xx, 408 or 429, a timeout or a body cut short
    /// is tried again after a pause that doubles; any other answer (a 404) fails at once.
    /// </summary>
    private async Task DownloadAsync(ManifestDependency dependency, string file, CancellationToken cancellationToken)
    {
        var attempts = Math.Max(1, options.DownloadAttempts);
        for (var attempt = 1; ; attempt++)
        {
            var failure = await TryOnceAsync(dependency, file, cancellationToken).ConfigureAwait(false);
            if (failure is null)
            {
                return;
            }

            if (attempt >= attempts)
            {
                throw Failed(dependency, $"{failure} (after {attempts} attempt(s))");
            }

            log.Info($"Downloading {dependency.Name} {dependency.Version}: {failure}; trying again ({attempt + 1}/{attempts})");
            await Task.Delay(options.DownloadRetryDelay * Math.Pow(2, attempt - 1), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One attempt: null on success, the transient failure otherwise; a permanent one throws.</summary>
    private async Task<string?> TryOnceAsync(ManifestDependency dependency, string file, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.DownloadTimeout);
        try
        {
            using var response = await client.GetAsync(dependency.Uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status >= 500 || status is 408 or 429)
            {
                return $"the server answered {status} {response.ReasonPhrase}";
            }

            if (!response.IsSuccessStatusCode)
            {
                throw Failed(dependency, $"the server answered {status} {response.ReasonPhrase}");
            }

            var expected = response.Content.Headers.ContentLength;
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            await using var output = File.Create(file);
            await body.CopyToAsync(output, timeout.Token).ConfigureAwait(false);
            return expected is { } length && output.Length != length ? $"the download was cut short ({output.Length} of {length} bytes)" : null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {options.DownloadTimeout}";
        }
        catch (HttpRequestException ex)
        {
            return Redaction.RedactText(ex.Message, dependency.Uri);
        }
        catch (IOException ex)
        {
            return "the download was cut short: " + Redaction.RedactText(ex.Message, dependency.Uri);
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
