using Buildpacks.Core.Diagnostics;
using Buildpacks.Core.Sources;

namespace Buildpacks.Core.Ci;

/// <summary>
/// The credentials in a buildpack URL: the password of its user info (or the user when there is no password:
/// <c>https://TOKEN@host</c>), and each query value of at least <see cref="KnownSecrets.MinimumGuessedLength"/> characters. Both as written and percent-decoded, as a tool may print either.
/// </summary>
internal static class ReferenceSecrets
{
    public static IEnumerable<string> Of(string reference)
    {
        BuildpackReference parsed;
        try
        {
            parsed = BuildpackReference.Parse(reference);
        }
        catch (BuildpackException)
        {
            // Staging reports the bad reference itself, redacted; there is nothing here to mask ahead of it.
            return [];
        }

        var url = parsed.Location;
        if (parsed.IsLocal || !url.Contains("://", StringComparison.Ordinal))
        {
            return [];
        }

        var found = new List<string>();
        var authorityStart = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var authorityEnd = url.IndexOfAny(['/', '?'], authorityStart);
        var authority = authorityEnd < 0 ? url[authorityStart..] : url[authorityStart..authorityEnd];
        var at = authority.LastIndexOf('@');
        if (at > 0)
        {
            var userInfo = authority[..at];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            AddBothForms(found, colon >= 0 && colon < userInfo.Length - 1 ? userInfo[(colon + 1)..] : colon >= 0 ? userInfo[..colon] : userInfo, 1);
        }

        var question = url.IndexOf('?', authorityStart);
        if (question >= 0)
        {
            foreach (var parameter in url[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = parameter.IndexOf('=', StringComparison.Ordinal);
                // A query is guessed to be secret, as its redaction in the log is: short values such as ref=v2 stay readable.
                AddBothForms(found, equals >= 0 ? parameter[(equals + 1)..] : parameter, KnownSecrets.MinimumGuessedLength);
            }
        }

        return found;
    }

    private static void AddBothForms(List<string> found, string value, int minimumLength)
    {
        if (value.Length < minimumLength)
        {
            return;
        }

        found.Add(value);
        var decoded = Uri.UnescapeDataString(value);
        if (decoded != value && decoded.Length > 0)
        {
            found.Add(decoded);
        }
    }
}
