namespace Buildpacks.Core.Diagnostics;

/// <summary>Keeps credentials out of logs: <c>https://user:token@host/x?token=y</c> prints as <c>https://***@host/x?***</c>.</summary>
public static class Redaction
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
}
