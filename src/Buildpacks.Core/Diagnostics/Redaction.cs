using System.Text.RegularExpressions;

namespace Buildpacks.Core.Diagnostics;

/// <summary>Keeps credentials out of logs: <c>https://user:token@host/x?token=y</c> prints as <c>https://***@host/x?***</c>.</summary>
internal static partial class Redaction
{
    /// <summary>What marks a whole URL as secret: <c>secret:https://host/SECRET/bp.tgz</c>.</summary>
    public const string SecretPrefix = "secret:";

    /// <summary>What names an environment variable holding the reference: <c>env:BUILDPACK_URL</c>.</summary>
    public const string EnvironmentPrefix = "env:";

    /// <summary>
    /// The reference with its user info and query string hidden. A <c>secret:</c> reference shows only its scheme,
    /// host and a short hash that tells two apart; an <c>env:NAME</c> reference shows only the name.
    /// </summary>
    public static string RedactUrl(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return RedactSecret(reference[SecretPrefix.Length..]);
        }

        if (reference.StartsWith(EnvironmentPrefix, StringComparison.Ordinal))
        {
            return reference;
        }

        if (!Uri.TryCreate(reference, UriKind.Absolute, out var uri) || uri.IsFile)
        {
            return reference;
        }

        var builder = new UriBuilder(uri);
        var hasUser = !string.IsNullOrEmpty(uri.UserInfo);
        builder.UserName = "";
        builder.Password = "";
        var redacted = builder.Uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        if (hasUser)
        {
            redacted = redacted.Replace("://", "://***@", StringComparison.Ordinal);
        }

        if (!string.IsNullOrEmpty(uri.Query))
        {
            redacted += "?***";
        }

        return redacted + (string.IsNullOrEmpty(uri.Fragment) ? "" : uri.Fragment);
    }

    /// <summary>
    /// Free text (a git error, an exception message) with every URL's user info and query string hidden, and each
    /// of <paramref name="secrets"/> replaced by its redacted form.
    /// </summary>
    public static string RedactText(string text, params string[] secrets)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in secrets.Where(s => s.Length > 0).OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, RedactUrl(secret), StringComparison.Ordinal);
        }

        text = UserInfoPattern().Replace(text, "://***@");
        return QueryPattern().Replace(text, "$1?***");
    }

    // Enough of the hash to tell two secret URLs apart in a log or a lock file, far too little to guess one from.
    private static string RedactSecret(string url)
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(url)))[..8];
        var where = Uri.TryCreate(url, UriKind.Absolute, out var uri) && !uri.IsFile ? uri.Scheme + "://" + uri.Host + "/" : "";
        return SecretPrefix + where + "***-" + hash;
    }

    [GeneratedRegex(@"://[^/@\s'""]+@")]
    private static partial Regex UserInfoPattern();

    [GeneratedRegex(@"(://[^\s'""?]+)\?(?!\*\*\*)[^\s'""#]+")]
    private static partial Regex QueryPattern();
}
