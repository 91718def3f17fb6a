using System.Text.RegularExpressions;

namespace Buildpacks.Core.Diagnostics;

/// <summary>Keeps credentials out of logs: <c>https://user:token@host/x?token=y</c> prints as <c>https://***@host/x?***</c>.</summary>
public static partial class Redaction
{
    /// <summary>The reference with its user info and query string hidden.</summary>
    public static string RedactUrl(string reference)
    {
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

    [GeneratedRegex(@"://[^/@\s'""]+@")]
    private static partial Regex UserInfoPattern();

    [GeneratedRegex(@"(://[^\s'""?]+)\?(?!\*\*\*)[^\s'""#]+")]
    private static partial Regex QueryPattern();
}
