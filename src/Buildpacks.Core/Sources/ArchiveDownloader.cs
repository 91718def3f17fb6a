using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Buildpacks.Core.Diagnostics;

namespace Buildpacks.Core.Sources;

/// <summary>
/// Downloads one archive to a file and hashes it on the way. Credentials in the URL's user info go out as a basic
/// authentication header (never in the URL, and not across redirects); transient failures are retried a bounded
/// number of times; anything else fails at once with a coded, redacted error.
/// </summary>
internal sealed class ArchiveDownloader(HttpClient client, ArchiveSourceOptions options, BuildpackReference reference)
{
    /// <summary>Downloads into <paramref name="file"/>; the archive's sha256 as lower-case hex.</summary>
    public async Task<string> DownloadAsync(string file, SourceContext context)
    {
        var (uri, authorization) = Split(reference.Location);
        var attempts = Math.Max(1, options.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            var reason = await TryOnceAsync(uri, authorization, file, context.Log as IStagingProgress, context.CancellationToken).ConfigureAwait(false);
            if (reason.Sha256 is { } sha)
            {
                return sha;
            }

            if (attempt >= attempts)
            {
                throw new BuildpackException(
                    ErrorCodes.ArchiveDownloadFailed,
                    $"The buildpack archive '{reference.Display}' could not be downloaded after {attempts} attempt(s): {reason.Failure}. " +
                    "Check that the server is up and reachable from this machine, then stage again.");
            }

            context.Log.Info($"Buildpack {reference.Display}: {reason.Failure}; trying again ({attempt + 1}/{attempts})");
            await Task.Delay(options.RetryDelay * Math.Pow(2, attempt - 1), context.CancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One attempt: the hash on success, the transient failure otherwise. Permanent failures throw.</summary>
    private async Task<(string? Sha256, string Failure)> TryOnceAsync(Uri uri, AuthenticationHeaderValue? authorization, string file, IStagingProgress? progress, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = authorization;
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (IsTransient(response.StatusCode))
            {
                return (null, $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            EnsureSuccess(response);
            return (await SaveAsync(response, file, progress, timeout.Token).ConfigureAwait(false), "");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no answer within {options.Timeout}");
        }
        catch (HttpRequestException ex)
        {
            return (null, reference.Redact(ex.Message));
        }
        catch (IOException ex)
        {
            return (null, "the download was cut short: " + reference.Redact(ex.Message));
        }
    }

    private async Task<string> SaveAsync(HttpResponseMessage response, string file, IStagingProgress? progress, CancellationToken cancellationToken)
    {
        var expected = response.Content.Headers.ContentLength;
        if (expected > options.MaxBytes)
        {
            throw TooLarge();
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var step = progress is null ? "" : "download " + reference.Display; // redacted once, not per buffer
        long received = 0;
        await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
        await using (var output = File.Create(file))
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                received += read;
                if (received > options.MaxBytes)
                {
                    throw TooLarge();
                }

                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                progress?.Progress(step, received, expected, 0);
            }
        }

        if (expected is { } length && length != received)
        {
            throw new IOException($"{received} of {length} bytes arrived");
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private void EnsureSuccess(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new BuildpackException(
                ErrorCodes.ArchiveUnauthorized,
                $"The buildpack archive '{reference.Display}' needs credentials ({status} {response.ReasonPhrase}). " +
                "Put them in the URL (https://USER:TOKEN@host/..., sent as basic authentication, or the token the server expects in the query) and keep the URL secret.");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new BuildpackException(
                ErrorCodes.ArchiveDownloadFailed,
                $"The buildpack archive '{reference.Display}' could not be downloaded: the server answered {status} {response.ReasonPhrase}. Check the URL.");
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    /// <summary>The URL to request (user info removed) and the basic authentication header the user info makes.</summary>
    private static (Uri Uri, AuthenticationHeaderValue? Authorization) Split(string location)
    {
        var uri = new Uri(location);
        if (string.IsNullOrEmpty(uri.UserInfo))
        {
            return (uri, null);
        }

        var credentials = Uri.UnescapeDataString(uri.UserInfo);
        var withoutUser = new UriBuilder(uri) { UserName = "", Password = "" }.Uri;
        return (withoutUser, new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials))));
    }

    private BuildpackException TooLarge() => new(
        ErrorCodes.ArchiveTooLarge,
        $"The buildpack archive '{reference.Display}' is larger than {options.MaxBytes} bytes. Check the URL, or raise the bound (ArchiveSourceOptions.MaxBytes).");
}
